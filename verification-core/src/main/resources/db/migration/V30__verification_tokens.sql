-- The widget's proof of a verified number: a token the page hands to the tenant's backend, which
-- redeems it once with a secret key. Only the SHA-256 of the token's 256 random bits is kept.
-- No number here: the redeem reads it from the verification, so erasure and retention stay where they are.
create table verification_token (
    token_hash      varchar(64) primary key,
    tenant_id       varchar(40) not null references tenant (id),
    test_mode       boolean     not null,
    verification_id varchar(40) not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    redeemed_at     timestamp with time zone
);
create index verification_token_expiry on verification_token (expires_at);
