package dev.ringproof.platform.boundary;

import dev.ringproof.platform.entity.OutboxMessage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The outbox rows' life: relayed (kept, in case the broker loses the message), then consumed (deleted). */
@Stateless
public class OutboxRows {

    /** The name of the map-message field that carries the row's id to the consumer. */
    public static final String ID_FIELD = "outbox_id";

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Whether the row of a message is still there, waiting for its consumer: a consumer acts only on
     * such a message. Without a row, the message was never put into the outbox (forged by someone who
     * reached the broker), or it was consumed before (a stale copy), and changes nothing.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean pending(String id) {
        return id != null
                && em.createQuery("select count(m) from OutboxMessage m where m.id = :id", Long.class)
                                .setParameter("id", id)
                                .getSingleResult()
                        > 0;
    }

    /**
     * The sweep's rows: those kept back that fall due before {@code ahead} ({@link #CLAIM_KEPT}), and
     * those relayed before {@code before} and due before it whose consumer never came
     * ({@link #CLAIM_LEFT_BEHIND}). Locked, and rows another server's sweep has locked skipped, so two
     * servers sweeping at once take disjoint rows; marked relayed in the same transaction, so neither
     * takes them again until they are left behind. Rows a server claimed and then died with (its
     * broker and all) are left behind in time, and the survivor's sweep takes them (OutboxClaimTest
     * runs both on H2 and PostgreSQL).
     *
     * <p>Two queries, each read in the order of the index on {@code (relayed_at, deliver_at)} and
     * stopped at the limit: the one query with an {@code or} of both was planned as a bitmap scan
     * and a sort, which visited every row consumed since the last vacuum on every sweep (tens of
     * milliseconds a sweep at 200 starts/s), and a bitmap scan never marks the dead index entries it
     * meets, as an index scan does, so the next sweep met them all again.
     */
    static final String CLAIM_KEPT = "select id from outbox_message where relayed_at is null and deliver_at < ?1"
            + " order by relayed_at, deliver_at limit ?2 for update skip locked";

    static final String CLAIM_LEFT_BEHIND = "select id from outbox_message where relayed_at < ?1 and deliver_at < ?1"
            + " order by relayed_at, deliver_at limit ?2 for update skip locked";

    /** Claims up to {@code limit} rows to relay (see {@link #CLAIM_KEPT}), in deliver order. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<OutboxMessage> claim(OffsetDateTime ahead, OffsetDateTime before, int limit) {
        List<Object> ids = new ArrayList<>(ids(CLAIM_KEPT, ahead, limit));
        if (ids.size() < limit) {
            ids.addAll(ids(CLAIM_LEFT_BEHIND, before, limit - ids.size()));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        em.createQuery("update OutboxMessage m set m.relayedAt = :now where m.id in :ids")
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("ids", ids)
                .executeUpdate();
        return em.createQuery(
                        "select m from OutboxMessage m where m.id in :ids order by m.deliverAt", OutboxMessage.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    private List<?> ids(String claim, OffsetDateTime bound, int limit) {
        return em.createNativeQuery(claim)
                .setParameter(1, bound)
                .setParameter(2, limit)
                .getResultList();
    }

    /** Rows claimed but not sent (the broker failed): the next sweep takes them again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void unclaim(List<String> ids) {
        em.createQuery("update OutboxMessage m set m.relayedAt = null where m.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /**
     * Called by the consumer in the transaction in which it acts on the message: the row goes with
     * that work, or stays when it rolls back (the message comes again). A consumer without a
     * transaction (webhooks) has the row deleted in one of its own. False when there was no row
     * (consumed before, or never queued); a consumer that calls this first holds the row's lock
     * until it commits, so a second copy of the message waits and then finds none.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean consumed(String id) {
        return id != null
                && em.createQuery("delete from OutboxMessage m where m.id = :id")
                                .setParameter("id", id)
                                .executeUpdate()
                        == 1;
    }

    /** The rows due and not yet consumed: how many, and how long the oldest has been due. */
    public record Backlog(long rows, double oldestAgeSeconds) {}

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Backlog backlog() {
        var now = OffsetDateTime.now(clock);
        Object[] row = em.createQuery(
                        "select count(m), min(m.deliverAt) from OutboxMessage m where m.deliverAt <= :now",
                        Object[].class)
                .setParameter("now", now)
                .getSingleResult();
        long rows = ((Number) row[0]).longValue();
        var oldest = (OffsetDateTime) row[1];
        return new Backlog(
                rows, oldest == null ? 0 : Duration.between(oldest, now).toMillis() / 1000.0);
    }
}
