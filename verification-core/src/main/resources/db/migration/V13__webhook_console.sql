-- The console's webhook view: when an event's next delivery attempt is due, and why a
-- tenant's endpoint was disabled (today only a 410 Gone does that).
alter table webhook_event add column next_attempt_at timestamp with time zone;
alter table tenant add column webhook_disabled_reason varchar(200);
