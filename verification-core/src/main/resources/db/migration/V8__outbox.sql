-- Messages for the JMS broker, written in the transaction of the state change that
-- causes them and relayed after it commits. The database commit decides: a message is
-- never lost (a crash before the relay leaves the row for the sweeper) and at worst
-- relayed twice (its consumers are idempotent).
create table outbox_message (
    id         varchar(40)  primary key,
    queue      varchar(64)  not null,
    payload    varchar(4000) not null,
    deliver_at timestamp with time zone not null,
    created_at timestamp with time zone not null
);
create index outbox_message_created on outbox_message (created_at);
