package dev.ringproof.platform.boundary;

import dev.ringproof.platform.control.DatabaseProduct;
import dev.ringproof.platform.control.SharedCount;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;

/**
 * Adds to counters that many transactions share, in a short transaction of its own. On
 * PostgreSQL that transaction commits without waiting for its WAL to reach the disk
 * ({@code synchronous_commit} off for it alone): the counter's row is locked for the
 * statement, not for a flush, so starts and sends do not queue behind each other's
 * commits on it. A crash of the database may lose the last fraction of a second of such
 * counts, never anything else: the rest of the database stays as committed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CounterCommits {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    DatabaseProduct database;

    /** Adds each count of {@code batch} to its row, opening rows that are missing; {@code written} learns the outcome. */
    public void addAll(Map<SharedCount, Long> batch, Synchronization written) {
        transactions.registerInterposedSynchronization(written);
        if (database.isPostgres()) {
            em.createNativeQuery("set local synchronous_commit to off").executeUpdate();
        }
        batch.forEach((count, n) -> {
            if (count.add(em, n) == 0) {
                count.open(em);
                count.add(em, n);
            }
        });
    }
}
