-- Tenants and their api keys, number pools, verifications and their attempts,
-- and Idempotency-Key records. Ids are opaque strings with a type prefix.

create table tenant (
    id                     varchar(40)   primary key,
    name                   varchar(200)  not null,
    status                 varchar(16)   not null check (status in ('active', 'suspended')),
    workflow               varchar(64)   not null,
    fallback_missed_call   integer       not null check (fallback_missed_call between 1 and 3600),
    fallback_sms           integer       not null check (fallback_sms between 1 and 3600),
    fallback_voice         integer       not null check (fallback_voice between 1 and 3600),
    code_length            integer       not null check (code_length between 4 and 6),
    otp_length             integer       not null check (otp_length between 4 and 10),
    max_checks             integer       not null check (max_checks between 1 and 10),
    ttl_seconds            integer       not null check (ttl_seconds between 30 and 86400),
    allowed_countries      varchar(1024) not null,
    webhook_url            varchar(2048),
    webhook_secret         varchar(128),
    created_at             timestamp with time zone not null,
    version                bigint        not null
);

create table api_key (
    id          varchar(48)  primary key,
    tenant_id   varchar(40)  not null references tenant (id),
    label       varchar(200) not null,
    mode        varchar(8)   not null check (mode in ('live', 'test')),
    secret_hash varchar(64)  not null,
    created_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone
);
create index api_key_tenant on api_key (tenant_id);

create table number_pool (
    id         varchar(40)  primary key,
    name       varchar(200) not null,
    country    varchar(2)   not null,
    enabled    boolean      not null,
    created_at timestamp with time zone not null,
    version    bigint       not null
);
create index number_pool_country on number_pool (country, enabled);

-- numbers as ranges of E.164 digits (without '+'): 10 000 numbers are one row
create table pool_range (
    id           varchar(40) primary key,
    pool_id      varchar(40) not null references number_pool (id),
    first_number bigint      not null,
    last_number  bigint      not null,
    check (last_number >= first_number)
);
create index pool_range_pool on pool_range (pool_id, first_number);

create table verification (
    id               varchar(40)  primary key,
    tenant_id        varchar(40)  not null references tenant (id),
    test_mode        boolean      not null,
    phone            varchar(16)  not null,
    country          varchar(2)   not null,
    reference        varchar(200),
    locale           varchar(16)  not null,
    client_ip        varchar(64),
    status           varchar(16)  not null check (status in ('pending', 'approved', 'failed', 'expired', 'canceled')),
    workflow         varchar(64)  not null,
    remaining_checks integer      not null,
    next_fallback_at timestamp with time zone,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    closed_at        timestamp with time zone,
    version          bigint       not null
);
create index verification_tenant_phone on verification (tenant_id, phone, status);
create index verification_phone_created on verification (phone, created_at);

create table verification_attempt (
    id              varchar(40) primary key,
    verification_id varchar(40) not null references verification (id),
    seq             integer     not null,
    channel         varchar(16) not null check (channel in ('missed_call', 'sms', 'voice')),
    status          varchar(16) not null check (status in ('queued', 'sent', 'delivered', 'failed', 'superseded')),
    started_at      timestamp with time zone not null,
    cli_prefix      varchar(16),
    code_length     integer     not null,
    code_hash       varchar(64) not null,
    provider_ref    varchar(100),
    failure_reason  varchar(200),
    unique (verification_id, seq)
);

create table idempotency_record (
    tenant_id       varchar(40)  not null,
    idem_key        varchar(255) not null,
    request_hash    varchar(64)  not null,
    state           varchar(16)  not null check (state in ('in_progress', 'done')),
    response_status integer,
    verification_id varchar(40),
    created_at      timestamp with time zone not null,
    primary key (tenant_id, idem_key)
);
