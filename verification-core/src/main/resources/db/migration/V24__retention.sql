-- The retention job (docs/data-inventory.md) runs on one server of a cluster at a time: the
-- server whose update moves next_run_at forward has the run; the others find it in the future.
create table job_lease (
    name        varchar(32) primary key,
    holder      varchar(64),
    next_run_at timestamp with time zone not null
);
insert into job_lease (name, holder, next_run_at) values ('retention', null, current_timestamp);

-- what the job looks for by age, in small batches, without reading whole tables
create index verification_closed on verification (closed_at);
create index sandbox_message_received on sandbox_message (received_at);
create index idempotency_record_created on idempotency_record (created_at);
create index webhook_event_created on webhook_event (created_at);
