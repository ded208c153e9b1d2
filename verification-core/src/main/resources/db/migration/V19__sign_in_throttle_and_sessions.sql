-- Sign-in throttling and the password lifecycle of console users.

-- session_version goes up whenever a user's password, roles or state change: a console session
-- signed in under an older version is ended at its next request, on every node.
-- must_change_password: the bootstrap admin with a generated password sets a new one first.
alter table console_user add column session_version integer not null default 0;
alter table console_user add column must_change_password boolean not null default false;

-- failed passwords in a row per user name (known or not, so that a lockout tells nothing about
-- which names exist); a success deletes the row
create table sign_in_streak (
    username        varchar(64) primary key,
    failures        integer     not null,
    lockouts        integer     not null,
    locked_until    timestamp with time zone,
    last_failure_at timestamp with time zone not null
);
create index sign_in_streak_last_failure on sign_in_streak (last_failure_at);

-- failed sign-ins per client address in its current window
create table sign_in_address (
    address      varchar(64) primary key,
    window_start timestamp with time zone not null,
    failures     integer     not null
);
create index sign_in_address_window on sign_in_address (window_start);
