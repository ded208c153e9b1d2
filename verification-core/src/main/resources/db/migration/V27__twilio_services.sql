-- The Twilio door: a Service (VA…) is a tenant's record in one world (live or test) whose friendly
-- name is the brand of its texts and whose code length is the OTP length; each verification
-- started through a Service is tied to it, so a second start for the same number re-sends on the
-- pending one (as Twilio does) and another Service's verifications stay out of sight.
create table twilio_service (
    sid           varchar(34)  primary key,
    tenant_id     varchar(40)  not null references tenant (id),
    test_mode     boolean      not null,
    friendly_name varchar(64)  not null,
    code_length   integer      not null check (code_length between 4 and 10),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index twilio_service_tenant on twilio_service (tenant_id, test_mode, created_at);

create table twilio_verification (
    verification_id varchar(40) primary key references verification (id),
    service_sid     varchar(34) not null references twilio_service (sid),
    phone           varchar(16) not null,
    created_at      timestamp with time zone not null
);
create index twilio_verification_service_phone on twilio_verification (service_sid, phone, created_at);
