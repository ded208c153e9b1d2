package dev.ringproof.platform.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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

    /** null until the database first answered; the database does not change under a running server. */
    private static volatile Boolean postgres;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @EJB
    ServiceStatus status;

    public void add(Runnable count) {
        if (isPostgres()) {
            em.createNativeQuery("set local synchronous_commit to off").executeUpdate();
        }
        count.run();
    }

    /** Asks {@link ServiceStatus#databaseProduct()} until the database answers, then remembers. */
    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            String product = status.databaseProduct();
            known = product.equals("PostgreSQL");
            if (!product.equals(ServiceStatus.UNKNOWN_PRODUCT)) {
                postgres = known;
            }
        }
        return known;
    }
}
