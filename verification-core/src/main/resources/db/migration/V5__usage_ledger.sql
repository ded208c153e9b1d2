-- Price lists with history and the usage ledger that billing reports sum up.

-- A price is in force from valid_from until a newer one for the same (channel, country)
-- starts; country '*' is the fallback for countries without a price of their own.
create table price (
    id         varchar(40)   primary key,
    channel    varchar(16)   not null check (channel in ('missed_call', 'sms', 'voice')),
    country    varchar(2)    not null,
    unit_price numeric(18,4) not null check (unit_price >= 0),
    currency   varchar(3)    not null,
    valid_from timestamp with time zone not null
);
create index price_in_force on price (channel, country, valid_from);

-- One line per attempt that reached a carrier, written in the transaction that records
-- the send. The unique attempt_id makes a second line for one attempt impossible, not
-- just unlikely. usage_day is the UTC day, so reports group the same on every database.
create table usage_line (
    id              varchar(40)   primary key,
    attempt_id      varchar(40)   not null references verification_attempt (id),
    tenant_id       varchar(40)   not null references tenant (id),
    verification_id varchar(40)   not null references verification (id),
    channel         varchar(16)   not null check (channel in ('missed_call', 'sms', 'voice')),
    country         varchar(2)    not null,
    provider        varchar(32)   not null,
    unit_price      numeric(18,4) not null check (unit_price >= 0),
    currency        varchar(3)    not null,
    recorded_at     timestamp with time zone not null,
    usage_day       date          not null,
    constraint usage_line_one_per_attempt unique (attempt_id)
);
create index usage_line_day_tenant on usage_line (usage_day, tenant_id);
create index usage_line_tenant_day on usage_line (tenant_id, usage_day);
