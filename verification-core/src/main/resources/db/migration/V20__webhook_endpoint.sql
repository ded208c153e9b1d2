-- A tenant's webhook becomes an entity of the webhook component, one row per tenant: where its
-- events go (no url: none), the signing secrets (sealed, still bound to the tenant), whether and
-- why deliveries stopped, and whether the admin lets it reach a private network. The tenant
-- keeps its verification settings only.
create table webhook_endpoint (
    tenant_id             varchar(40)   primary key references tenant (id),
    url                   varchar(2048),
    secret                varchar(128),
    previous_secret       varchar(128),
    previous_secret_until timestamp with time zone,
    disabled_at           timestamp with time zone,
    disabled_reason       varchar(200),
    allow_private         boolean       default false not null,
    version               bigint        not null
);

insert into webhook_endpoint (tenant_id, url, secret, previous_secret, previous_secret_until, disabled_at,
                              disabled_reason, allow_private, version)
select id, webhook_url, webhook_secret, webhook_previous_secret, webhook_previous_secret_until, webhook_disabled_at,
       webhook_disabled_reason, webhook_allow_private, 1
from tenant;

alter table tenant drop column webhook_url;
alter table tenant drop column webhook_secret;
alter table tenant drop column webhook_previous_secret;
alter table tenant drop column webhook_previous_secret_until;
alter table tenant drop column webhook_disabled_at;
alter table tenant drop column webhook_disabled_reason;
alter table tenant drop column webhook_allow_private;
