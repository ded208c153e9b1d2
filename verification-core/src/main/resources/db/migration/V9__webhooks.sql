-- Webhooks: events written with the state change that caused them, and every delivery attempt.
alter table tenant add column webhook_previous_secret varchar(128);
alter table tenant add column webhook_previous_secret_until timestamp with time zone;
alter table tenant add column webhook_disabled_at timestamp with time zone;
alter table tenant add column webhook_allow_private boolean default false not null;

create table webhook_event (
    id         varchar(40)  primary key,
    tenant_id  varchar(40)  not null references tenant (id),
    type       varchar(40)  not null,
    payload    varchar(8000) not null,
    created_at timestamp with time zone not null,
    state      varchar(16)  not null check (state in ('pending', 'delivered', 'failed')),
    attempts   integer      not null
);
create index webhook_event_tenant on webhook_event (tenant_id, created_at);

create table webhook_delivery (
    id           varchar(40)  primary key,
    event_id     varchar(40)  not null references webhook_event (id),
    attempt      integer      not null,
    status_code  integer,
    error        varchar(200),
    latency_ms   bigint       not null,
    attempted_at timestamp with time zone not null
);
create index webhook_delivery_event on webhook_delivery (event_id, attempt);
