-- The provider that took an attempt: a carrier's status callback may only touch attempts
-- sent through the provider it is addressed to (references are unique per provider only).
alter table verification_attempt add column provider varchar(32);
update verification_attempt set provider =
    (select u.provider from usage_line u where u.attempt_id = verification_attempt.id)
    where provider_ref is not null;

-- Wrong codes in a row per phone number across verifications and tenants, live and test
-- apart ('live:+44…', 'test:+44…'): the last-resort cap that no rate-limit policy can lift.
create table failed_check_streak (
    subject        varchar(24) primary key,
    failures       integer     not null,
    last_failed_at timestamp with time zone not null
);
