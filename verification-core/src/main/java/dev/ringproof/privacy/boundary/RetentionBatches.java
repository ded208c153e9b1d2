package dev.ringproof.privacy.boundary;

import dev.ringproof.platform.control.PhoneNumbers;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One bounded step of the retention job each, in a transaction of its own, so no step holds
 * its locks for longer than a batch of rows takes. Each answers how many rows it changed; a
 * full batch means there may be more.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionBatches {

    /** The steps' names in {@code retention_mark}. */
    static final String PHONES = "phone_numbers";

    static final String CODES = "codes";

    static final String PAYLOADS = "webhook_payloads";

    // what each step looks for, by age (RetentionQueriesTest runs them on H2 and PostgreSQL)
    /** Due, or set further out than the interval now allows (it was shortened): the caller takes this run. */
    static final String CLAIM = "update job_lease set holder = ?1, next_run_at = ?2"
            + " where name = 'retention' and (next_run_at <= ?3 or next_run_at > ?2)";

    /**
     * The two steps that change verifications in place (masking a number, clearing a code) walk on
     * from their mark in {@code retention_mark}, in the order the verifications ended: a walk from
     * the first verification ever went over every row earlier runs had changed already, on every
     * run (200 000 such rows: 170 ms for the numbers, 440 ms for the codes, and growing with the
     * table). A verification's {@code closed_at} is the time it ended, so none ends behind a mark,
     * which trails the cutoff by the retention period.
     */
    static final String MARK = "select done_until from retention_mark where step = ?1";

    static final String MOVE_MARK = "update retention_mark set done_until = ?2 where step = ?1";

    /** Numbers not masked yet of verifications ended before ?1, from the mark ?2 on (a batch may end amid one instant). */
    static final String ENDED_PHONES = "select id, phone, closed_at from verification where closed_at >= ?2"
            + " and closed_at < ?1 and status <> 'pending' and phone not like '%*%' order by closed_at";

    /** Verifications ended before ?1 and after the mark ?2: the codes step clears each instant whole. */
    static final String ENDED_AFTER_MARK = "select id, closed_at from verification where closed_at > ?2"
            + " and closed_at < ?1 and status <> 'pending' order by closed_at";

    /**
     * One statement per batch, the codes of the verifications ended after ?1 up to ?2: an update per
     * attempt cost a round trip each, and a job catching up on a large table spent its whole budget on them.
     */
    static final String CLEAR_CODES = "update verification_attempt set code_hash = '' where code_hash <> ''"
            + " and verification_id in (select id from verification where closed_at > ?1 and closed_at <= ?2"
            + " and status <> 'pending')";

    static final String OLD_SANDBOX = "select id from sandbox_message where received_at < ?1";
    /**
     * Webhook events whose payload is to be emptied: settled, and last tried, before ?1; from the
     * step's mark ?2 on, in the order they were made. Like the two steps above, a walk from the
     * first event ever went over every payload emptied before, on every run.
     */
    static final String SETTLED_EVENTS = "select e.id, e.created_at from webhook_event e where e.created_at >= ?2"
            + " and e.created_at < ?1 and e.payload <> '{}' and e.state <> 'pending' and not exists (select 1"
            + " from webhook_delivery d where d.event_id = e.id and d.attempted_at >= ?1) order by e.created_at";

    /** One statement per batch: the payloads {@link #SETTLED_EVENTS} finds from ?2 up to ?3, both included. */
    static final String CLEAR_PAYLOADS = "update webhook_event set payload = '{}' where created_at >= ?2"
            + " and created_at <= ?3 and payload <> '{}' and state <> 'pending' and not exists (select 1"
            + " from webhook_delivery d where d.event_id = webhook_event.id and d.attempted_at >= ?1)";

    /**
     * The oldest event from ?1 up to ?2 that keeps its payload after the batch (still pending, or
     * tried since the cutoff): the mark stops there, so that it is emptied once it has settled.
     * Such an event is at most the retry schedule's length older than the cutoff, unless an admin
     * retried it from scratch.
     */
    static final String FIRST_KEPT =
            "select min(created_at) from webhook_event where created_at >= ?1 and created_at <= ?2 and payload <> '{}'";

    static final String OLD_KEYS = "select tenant_id, test, idem_key from idempotency_record where created_at < ?1";

    /**
     * The next prefix and world of the fraud guard's traffic after ?1 and ?2, in its primary key's
     * order: the retention job walks the prefixes through the key. An index on the minutes' age
     * would have found the old rows at once, but PostgreSQL then read a start's sums through it too
     * (the bench's one busy prefix made it look as good), which for a rare prefix beside a busy one
     * walks the busy one's week of minutes.
     */
    static final String NEXT_PREFIX =
            "select prefix, test from prefix_traffic where (prefix, test) > (?1, ?2) order by prefix, test limit 1";

    /**
     * The counters kept beside the verifications, one statement a batch each: a prefix's minutes
     * (its fraud watches' traffic) and a caller number's and a pool's days (their health), oldest
     * first. The batch is written into the statement: with a limit it cannot see, PostgreSQL's
     * plan for a million rows joined the whole table to the batch (176 ms a batch against 5 ms).
     */
    static String oldMinutesOfPrefix(int batch) {
        return "delete from prefix_traffic where (prefix, test, bucket_start) in (select prefix, test, bucket_start"
                + " from prefix_traffic where prefix = ?1 and test = ?2 and bucket_start < ?3 order by bucket_start"
                + " limit " + batch + ")";
    }

    static String oldNumberDays(int batch) {
        return "delete from cli_day where (cli_key, on_day) in (select cli_key, on_day from cli_day"
                + " where on_day < ?1 order by on_day limit " + batch + ")";
    }

    static String oldPoolDays(int batch) {
        return "delete from pool_day where (pool_id, on_day) in (select pool_id, on_day from pool_day"
                + " where on_day < ?1 order by on_day limit " + batch + ")";
    }

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    /** Claims the next run for {@code holder} when it is due; false when another server has it or it is not due. */
    public boolean claim(String holder, OffsetDateTime now, OffsetDateTime next) {
        return em.createNativeQuery(CLAIM)
                        .setParameter(1, holder)
                        .setParameter(2, next)
                        .setParameter(3, now)
                        .executeUpdate()
                == 1;
    }

    /** Masks the phone numbers of verifications that ended before {@code cutoff}, on from the step's mark. */
    public int maskPhones(OffsetDateTime cutoff, int batch) {
        Object from = mark(PHONES);
        List<?> rows = em.createNativeQuery(ENDED_PHONES)
                .setParameter(1, cutoff)
                .setParameter(2, from)
                .setMaxResults(batch)
                .getResultList();
        Object last = null;
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            em.createNativeQuery("update verification set phone = ?1 where id = ?2")
                    .setParameter(1, PhoneNumbers.mask((String) columns[1]))
                    .setParameter(2, columns[0])
                    .executeUpdate();
            last = columns[2];
        }
        if (last != null) {
            moveMark(PHONES, last);
        }
        return rows.size();
    }

    /**
     * Forgets the code hashes of attempts whose verification ended before {@code cutoff} (no check
     * needs them), a batch of verifications on from the step's mark, the last instant whole; the
     * codes cleared, at least one a verification, so at least the batch while more are left.
     */
    public int clearCodes(OffsetDateTime cutoff, int batch) {
        Object from = mark(CODES);
        List<?> ended = em.createNativeQuery(ENDED_AFTER_MARK)
                .setParameter(1, cutoff)
                .setParameter(2, from)
                .setMaxResults(batch)
                .getResultList();
        if (ended.isEmpty()) {
            return 0;
        }
        Object until = ((Object[]) ended.get(ended.size() - 1))[1];
        int cleared = em.createNativeQuery(CLEAR_CODES)
                .setParameter(1, from)
                .setParameter(2, until)
                .executeUpdate();
        moveMark(CODES, until);
        return cleared;
    }

    private Object mark(String step) {
        return em.createNativeQuery(MARK).setParameter(1, step).getSingleResult();
    }

    private void moveMark(String step, Object until) {
        em.createNativeQuery(MOVE_MARK)
                .setParameter(1, step)
                .setParameter(2, until)
                .executeUpdate();
    }

    /** Deletes sandbox messages (their texts hold codes) received before {@code cutoff}. */
    public int deleteSandboxMessages(OffsetDateTime cutoff, int batch) {
        return deleteEach(OLD_SANDBOX, "delete from sandbox_message where id = ?1", cutoff, batch);
    }

    /**
     * Empties the payloads of webhook events settled, and last tried, before {@code cutoff}, a
     * batch on from the step's mark, the last instant whole; the mark moves on to the first event
     * that keeps its payload, or past the batch.
     */
    public int clearWebhookPayloads(OffsetDateTime cutoff, int batch) {
        Object from = mark(PAYLOADS);
        List<?> settled = em.createNativeQuery(SETTLED_EVENTS)
                .setParameter(1, cutoff)
                .setParameter(2, from)
                .setMaxResults(batch)
                .getResultList();
        if (settled.isEmpty()) {
            return 0;
        }
        Object until = ((Object[]) settled.get(settled.size() - 1))[1];
        int cleared = em.createNativeQuery(CLEAR_PAYLOADS)
                .setParameter(1, cutoff)
                .setParameter(2, from)
                .setParameter(3, until)
                .executeUpdate();
        Object kept = em.createNativeQuery(FIRST_KEPT)
                .setParameter(1, from)
                .setParameter(2, until)
                .getSingleResult();
        moveMark(PAYLOADS, kept == null ? until : kept);
        return cleared;
    }

    /** Deletes idempotency keys made before {@code cutoff}. */
    public int deleteIdempotencyKeys(OffsetDateTime cutoff, int batch) {
        List<?> rows = em.createNativeQuery(OLD_KEYS)
                .setParameter(1, cutoff)
                .setMaxResults(batch)
                .getResultList();
        for (Object row : rows) {
            Object[] key = (Object[]) row;
            em.createNativeQuery("delete from idempotency_record where tenant_id = ?1 and test = ?2 and idem_key = ?3")
                    .setParameter(1, key[0])
                    .setParameter(2, key[1])
                    .setParameter(3, key[2])
                    .executeUpdate();
        }
        return rows.size();
    }

    /** A prefix of the fraud guard's traffic in one world (live or test). */
    public record PrefixOfTraffic(String prefix, boolean test) {

        /** Before every prefix: the walk begins here. */
        public static final PrefixOfTraffic FIRST = new PrefixOfTraffic("", false);
    }

    /** The prefix after {@code after} that has traffic counted, if any. */
    public Optional<PrefixOfTraffic> prefixAfter(PrefixOfTraffic after) {
        List<?> rows = em.createNativeQuery(NEXT_PREFIX)
                .setParameter(1, after.prefix())
                .setParameter(2, after.test())
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new PrefixOfTraffic((String) row[0], (Boolean) row[1]))
                .findFirst();
    }

    /** Deletes a batch of the prefix's minutes of traffic that began before {@code cutoff}. */
    public int deleteMinutes(PrefixOfTraffic of, OffsetDateTime cutoff, int batch) {
        return em.createNativeQuery(oldMinutesOfPrefix(batch))
                .setParameter(1, of.prefix())
                .setParameter(2, of.test())
                .setParameter(3, cutoff)
                .executeUpdate();
    }

    /** Deletes the caller numbers' days, then the pools' days, before the UTC day of {@code cutoff}. */
    public int deleteNumberDays(OffsetDateTime cutoff, int batch) {
        var day = cutoff.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        int numbers =
                em.createNativeQuery(oldNumberDays(batch)).setParameter(1, day).executeUpdate();
        if (numbers == batch) {
            return numbers;
        }
        return numbers
                + em.createNativeQuery(oldPoolDays(batch - numbers))
                        .setParameter(1, day)
                        .executeUpdate();
    }

    private int deleteEach(String select, String delete, OffsetDateTime cutoff, int batch) {
        List<?> ids = em.createNativeQuery(select)
                .setParameter(1, cutoff)
                .setMaxResults(batch)
                .getResultList();
        ids.forEach(id -> em.createNativeQuery(delete).setParameter(1, id).executeUpdate());
        return ids.size();
    }
}
