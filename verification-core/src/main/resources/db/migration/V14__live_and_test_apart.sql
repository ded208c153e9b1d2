-- Live and test traffic are two worlds: what test traffic counts, claims or sets is kept
-- in rows of its own (test = true), so free test starts never move a live counter, never
-- block a prefix for live traffic, and never replay a live answer.
-- A column in a primary key cannot be added portably (H2 and PostgreSQL name the old key
-- differently), so the keyed tables are built again and their rows copied over as live.

create table idempotency_record_v14 (
    tenant_id       varchar(40)  not null,
    test            boolean      not null,
    idem_key        varchar(255) not null,
    request_hash    varchar(64)  not null,
    state           varchar(16)  not null check (state in ('in_progress', 'done')),
    response_status integer,
    verification_id varchar(40),
    created_at      timestamp with time zone not null,
    primary key (tenant_id, test, idem_key)
);
insert into idempotency_record_v14 (tenant_id, test, idem_key, request_hash, state, response_status,
                                    verification_id, created_at)
select tenant_id, false, idem_key, request_hash, state, response_status, verification_id, created_at
from idempotency_record;
drop table idempotency_record;
alter table idempotency_record_v14 rename to idempotency_record;

create table rate_limit_counter_v14 (
    policy_id    varchar(48) not null references rate_limit_policy (id) on delete cascade,
    test         boolean     not null,
    subject      varchar(64) not null,
    window_start timestamp with time zone not null,
    window_end   timestamp with time zone not null,
    hits         integer     not null,
    primary key (policy_id, test, subject, window_start)
);
insert into rate_limit_counter_v14 (policy_id, test, subject, window_start, window_end, hits)
select policy_id, false, subject, window_start, window_end, hits from rate_limit_counter;
drop table rate_limit_counter;
alter table rate_limit_counter_v14 rename to rate_limit_counter;
create index rate_limit_counter_end on rate_limit_counter (window_end);

create table prefix_traffic_v14 (
    prefix       varchar(16) not null,
    test         boolean     not null,
    bucket_start timestamp with time zone not null,
    starts       integer     not null,
    approvals    integer     not null,
    primary key (prefix, test, bucket_start)
);
insert into prefix_traffic_v14 (prefix, test, bucket_start, starts, approvals)
select prefix, false, bucket_start, starts, approvals from prefix_traffic;
drop table prefix_traffic;
alter table prefix_traffic_v14 rename to prefix_traffic;

-- a block found in test traffic blocks test traffic only
alter table fraud_block add column test boolean default false not null;

-- a handset's behaviour as set on the open sandbox (tenant_id '*': every tenant's traffic),
-- or by one tenant's test key on a closed sandbox (that tenant's test traffic only)
create table sandbox_handset_v14 (
    tenant_id varchar(40) not null,
    phone     varchar(16) not null,
    calls     varchar(16) not null check (calls in ('ring', 'unreachable')),
    sms       varchar(16) not null check (sms in ('deliver', 'fail')),
    voice     varchar(16) not null check (voice in ('deliver', 'fail')),
    primary key (tenant_id, phone)
);
insert into sandbox_handset_v14 (tenant_id, phone, calls, sms, voice)
select '*', phone, calls, sms, voice from sandbox_handset;
drop table sandbox_handset;
alter table sandbox_handset_v14 rename to sandbox_handset;
