-- Caller-number (CLI) health. Counters are keyed by a keyed hash of the CLI (HMAC with the
-- server's code secret), never the number in clear: a pending missed call's code is the end
-- of its CLI, so a counter row naming the CLI next to the hour it was drawn would give the
-- code away to a reader of the database. The number itself is kept sealed, for the admin.

-- per CLI and UTC day: one row, updated in place on every call, outcome and approval
create table cli_day (
    cli_key   varchar(64)  not null,
    on_day    date         not null,
    pool_id   varchar(40)  not null,
    sealed    varchar(200) not null,
    placed    integer      not null,
    ringing   integer      not null,
    answered  integer      not null,
    failed    integer      not null,
    approved  integer      not null,
    primary key (cli_key, on_day)
);
create index cli_day_pool on cli_day (pool_id, on_day);

-- per pool and UTC day: the pool's own rates, which a CLI's approval rate is compared with
create table pool_day (
    pool_id  varchar(40) not null,
    on_day   date        not null,
    placed   integer     not null,
    approved integer     not null,
    primary key (pool_id, on_day)
);

-- calls per CLI per UTC hour, the cap's counter; ended hours are dropped as new ones open
create table cli_hour (
    cli_key    varchar(64) not null,
    hour_start timestamp with time zone not null,
    calls      integer     not null,
    primary key (cli_key, hour_start)
);

-- whole blocks of 10 000 numbers taken out of the draw: a rested CLI rests with its block,
-- so every code length still draws only from whole blocks
create table rested_block (
    first_number bigint      primary key,
    last_number  bigint      not null,
    country      varchar(2)  not null,
    pool_id      varchar(40) not null,
    reason       varchar(20) not null,
    rested_at    timestamp with time zone not null,
    rested_until timestamp with time zone,
    check (last_number >= first_number)
);
create index rested_block_country on rested_block (country, first_number);
create index rested_block_pool on rested_block (pool_id);

-- the pool of a drawn number, found from below in one index step
create index pool_range_first on pool_range (first_number);

-- a pool's health rules; null keeps the default
alter table number_pool add column max_calls_per_hour integer;
alter table number_pool add column max_answer_rate double precision;
alter table number_pool add column max_failure_rate double precision;
alter table number_pool add column min_approval_share double precision;
alter table number_pool add column min_calls integer;
alter table number_pool add column rest_hours integer;
