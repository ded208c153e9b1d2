-- The Vonage door's JWT: an admin registers a Vonage application on a tenant (its id and RSA
-- public key) and the api key whose world and rights a JWT signed by the application's private
-- key then has. One application per tenant; an application id belongs to one tenant only.
create table vonage_application (
    tenant_id      varchar(40)  not null primary key references tenant (id),
    application_id varchar(36)  not null,
    key_id         varchar(48)  not null references api_key (id),
    public_key     varchar(4000) not null,
    created_at     timestamp with time zone not null
);
create unique index vonage_application_id on vonage_application (application_id);

-- The tokens seen lately (their jti), refused if presented again; kept only while the token
-- could still be accepted.
-- (id: the application id, a space and the jti)
create table vonage_token (
    id         varchar(240) not null primary key,
    expires_at timestamp with time zone not null
);
create index vonage_token_expiry on vonage_token (expires_at);
