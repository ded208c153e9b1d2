-- Earlier traffic for bench/run's million-row phase: :rows verifications of the last 30 days, each with
-- its first attempt, its send and its ledger line, copied from one the bench's own starts made, so every
-- column holds what the service writes. Phone numbers are the million the next phase dials (+44 740 and
-- seven digits, from :phones on): g * 7919 mod 10^6 runs through each once, so every start meets one
-- earlier verification.
-- As the retention job leaves them: the code hashes of verifications ended more than a day ago are gone
-- (its default), and none ended more than 30 days ago, when it masks the number. Written with the
-- hashes, the phase measured the job catching up on a month at once (its 30-s budget of batches every
-- 10 minutes), not the starts.
\set ON_ERROR_STOP 1
create temporary table h as
    select g, '+44740' || lpad(((:phones + (g::bigint * 7919) % 1000000) % 10000000)::text, 7, '0') as phone,
           now() - interval '1 hour' - (g % 2588400) * interval '1 second' as at
    from generate_series(1, :rows) g;
create temporary table t as
    select a.verification_id as vid, a.id as aid
    from verification_attempt a
    join outbound_send s on s.attempt_id = a.id
    join usage_line u on u.attempt_id = a.id
    where a.seq = 1
    limit 1;
insert into verification (id, tenant_id, test_mode, phone, country, reference, locale, client_ip, status, workflow,
        remaining_checks, next_fallback_at, created_at, expires_at, closed_at, version, door, brand, otp_length,
        publishable_key_id)
    select 'vf_h' || h.g, v.tenant_id, v.test_mode, h.phone, v.country, v.reference, v.locale, v.client_ip, 'expired',
        v.workflow, v.remaining_checks, null, h.at, h.at + interval '10 minutes', h.at + interval '10 minutes',
        v.version, v.door, v.brand, v.otp_length, v.publishable_key_id
    from h, verification v where v.id = (select vid from t);
insert into verification_attempt (id, verification_id, seq, channel, status, started_at, cli_prefix, code_length,
        code_hash, provider_ref, failure_reason, provider)
    select 'at_h' || h.g, 'vf_h' || h.g, 1, a.channel, a.status, h.at, a.cli_prefix, a.code_length,
        case when h.at + interval '10 minutes' < now() - interval '1 day' then '' else a.code_hash end,
        'ref_h' || h.g, a.failure_reason, a.provider
    from h, verification_attempt a where a.id = (select aid from t);
insert into outbound_send (attempt_id, tenant_id, test, channel, provider, accepted, provider_ref, reason, sent_at)
    select 'at_h' || h.g, s.tenant_id, s.test, s.channel, s.provider, s.accepted, 'ref_h' || h.g, s.reason, h.at
    from h, outbound_send s where s.attempt_id = (select aid from t);
insert into usage_line (id, attempt_id, tenant_id, verification_id, channel, country, provider, unit_price, currency,
        recorded_at, usage_day, answered)
    select 'ul_h' || h.g, 'at_h' || h.g, u.tenant_id, 'vf_h' || h.g, u.channel, u.country, u.provider, u.unit_price,
        u.currency, h.at, (h.at at time zone 'UTC')::date, u.answered
    from h, usage_line u where u.attempt_id = (select aid from t);
-- The retention job's place as a month of its runs leaves it: the codes step's mark at the last
-- verification ended more than a day ago (the numbers' step has nothing older than 30 days to pass).
update retention_mark set done_until = coalesce(
        (select max(closed_at) from verification where closed_at < now() - interval '1 day'), done_until)
    where step = 'codes';
-- The fraud guard's minutes of the same month: every number the bench dials shares one prefix, whose
-- row of each minute the guard's velocity and conversion watches sum over the last day on every start
-- (1 450 rows). Without them the phase ran with the few minutes of the run itself.
insert into prefix_traffic (prefix, test, bucket_start, starts, approvals)
    select p.prefix, false, date_trunc('minute', now()) - m * interval '1 minute', ceil(:rows / 43200.0), 0
    from (select distinct prefix from prefix_traffic where not test) p, generate_series(2, 30 * 1440) m
    on conflict do nothing;
-- A month-old database has had these rows vacuumed and checkpointed long ago. Left to autovacuum, the
-- four million new rows were vacuumed during the phase that follows, on the same two cores (the soak
-- just after it, on the same data, ran 300 starts/s where the phase had run 210).
vacuum (analyze) verification, verification_attempt, outbound_send, usage_line, prefix_traffic;
checkpoint;
