-- Rate-limit policies and their window counters, per-prefix traffic for the fraud
-- guard's velocity and conversion watches, and prefix blocks.

create table rate_limit_policy (
    id             varchar(48)  primary key,
    scope          varchar(16)  not null check (scope in ('tenant', 'phone', 'prefix', 'country', 'ip')),
    action         varchar(8)   not null check (action in ('start', 'check')),
    tenant_id      varchar(40)  references tenant (id),
    match_value    varchar(16),
    limit_count    integer      not null check (limit_count between 1 and 1000000),
    window_seconds integer      not null check (window_seconds between 1 and 2592000),
    created_at     timestamp with time zone not null
);
create index rate_limit_policy_action on rate_limit_policy (action, tenant_id);

-- one row per policy, subject (tenant id, phone, prefix, country or address) and fixed window
create table rate_limit_counter (
    policy_id    varchar(48) not null references rate_limit_policy (id) on delete cascade,
    subject      varchar(64) not null,
    window_start timestamp with time zone not null,
    window_end   timestamp with time zone not null,
    hits         integer     not null,
    primary key (policy_id, subject, window_start)
);
create index rate_limit_counter_end on rate_limit_counter (window_end);

-- starts and approvals per derived prefix (country code + 3 digits) and minute
create table prefix_traffic (
    prefix       varchar(16) not null,
    bucket_start timestamp with time zone not null,
    starts       integer     not null,
    approvals    integer     not null,
    primary key (prefix, bucket_start)
);

create table fraud_block (
    id         varchar(48)  primary key,
    prefix     varchar(16)  not null,
    reason     varchar(16)  not null check (reason in ('velocity', 'conversion')),
    detail     varchar(300) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    lifted_at  timestamp with time zone
);
create index fraud_block_prefix on fraud_block (prefix, expires_at);

-- Shipped defaults, visible and deletable through the admin API.
insert into rate_limit_policy (id, scope, action, tenant_id, match_value, limit_count, window_seconds, created_at)
values ('rl_default_phone_start', 'phone', 'start', null, null, 5, 3600, current_timestamp);
insert into rate_limit_policy (id, scope, action, tenant_id, match_value, limit_count, window_seconds, created_at)
values ('rl_default_phone_check', 'phone', 'check', null, null, 10, 3600, current_timestamp);
