-- One row per attempt handed to a carrier: the primary key makes a redelivered
-- JMS message a no-op instead of a second call or SMS.
create table outbound_send (
    attempt_id   varchar(40)  primary key,
    tenant_id    varchar(40)  not null,
    test         boolean      not null,
    channel      varchar(16)  not null,
    provider     varchar(32)  not null,
    accepted     boolean      not null,
    provider_ref varchar(100),
    reason       varchar(200),
    sent_at      timestamp with time zone not null
);

-- How each virtual handset of the sandbox behaves (absent: rings and delivers).
create index outbound_send_ref on outbound_send (provider_ref);

create table sandbox_handset (
    phone varchar(16) primary key,
    calls varchar(16) not null check (calls in ('ring', 'unreachable')),
    sms   varchar(16) not null check (sms in ('deliver', 'fail')),
    voice varchar(16) not null check (voice in ('deliver', 'fail'))
);
