-- Written and committed before an attempt goes to a real network (SIP trunk, carrier API),
-- apart from the transaction of the send: if that transaction rolls back after the carrier
-- took the message (a crash, a lock timeout), the redelivered JMS message finds this row
-- and does not send a second time.
create table carrier_send (
    attempt_id varchar(40)  primary key,
    providers  varchar(200) not null,
    started_at timestamp with time zone not null
);

-- Carrier status callbacks find their attempt by the carrier's reference.
create index verification_attempt_ref on verification_attempt (provider_ref);
