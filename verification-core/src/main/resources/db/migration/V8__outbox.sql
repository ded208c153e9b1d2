-- Messages for the JMS broker, written in the transaction of the state change that
-- causes them and relayed after it commits. A row stays until its consumer deletes it in
-- the transaction that acts on it, so a message the broker loses (kill -9) is relayed
-- again by the sweeper; at worst a message arrives twice (its consumers are idempotent).
create table outbox_message (
    id         varchar(40)  primary key,
    queue      varchar(64)  not null,
    payload    varchar(4000) not null,
    deliver_at timestamp with time zone not null,
    created_at timestamp with time zone not null,
    relayed_at timestamp with time zone
);
create index outbox_message_relayed on outbox_message (relayed_at, deliver_at);
