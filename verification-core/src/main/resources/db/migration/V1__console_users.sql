-- Accounts of the admin console and the admin/billing APIs.
-- Passwords are PBKDF2 hashes in Jakarta Security's format (algorithm:iterations:salt:hash).
create table console_user (
    username      varchar(64)  primary key,
    password_hash varchar(512) not null,
    enabled       boolean      not null,
    created_at    timestamp with time zone not null
);

create table console_user_role (
    username varchar(64) not null references console_user (username),
    role     varchar(16) not null check (role in ('admin', 'billing')),
    primary key (username, role)
);
