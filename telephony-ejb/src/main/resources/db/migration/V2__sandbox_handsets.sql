-- The sandbox carrier's virtual handsets: what each one received, oldest first.
create table sandbox_message (
    id          varchar(64)  primary key,
    phone       varchar(16)  not null,
    type        varchar(8)   not null check (type in ('call', 'sms', 'voice')),
    sender      varchar(32)  not null,
    text        varchar(1024),
    received_at timestamp with time zone not null
);

create index sandbox_message_phone on sandbox_message (phone, received_at);
