package dev.ringproof.ratelimit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Creates missing counter rows, each in a transaction of its own: the row is then visible
 * to every concurrent request at once, and they all increment that one row under its lock
 * instead of racing to insert it inside their long start transactions.
 */
@Stateless
public class CounterRows {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    /**
     * Opens a policy's counter for a subject and window, of live or test traffic; drops that
     * subject's ended windows on the way.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void openCounter(String policyId, boolean test, String subject, FixedWindow window) {
        em.createNativeQuery("delete from rate_limit_counter where policy_id = ?1 and test = ?2 and subject = ?3"
                        + " and window_end <= ?4")
                .setParameter(1, policyId)
                .setParameter(2, test)
                .setParameter(3, subject)
                .setParameter(4, window.start())
                .executeUpdate();
        em.createNativeQuery("insert into rate_limit_counter (policy_id, test, subject, window_start, window_end, hits)"
                        + " values (?1, ?2, ?3, ?4, ?5, 0) on conflict do nothing")
                .setParameter(1, policyId)
                .setParameter(2, test)
                .setParameter(3, subject)
                .setParameter(4, window.start())
                .setParameter(5, window.end())
                .executeUpdate();
    }

    /**
     * Opens a web widget counter for a subject and window; drops every widget window that has
     * ended on the way (a browser address may never come back to drop its own).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void openWidgetCounter(String subject, FixedWindow window) {
        em.createNativeQuery("delete from widget_counter where window_end <= ?1")
                .setParameter(1, window.start())
                .executeUpdate();
        em.createNativeQuery("insert into widget_counter (subject, window_start, window_end, hits)"
                        + " values (?1, ?2, ?3, 0) on conflict do nothing")
                .setParameter(1, subject)
                .setParameter(2, window.start())
                .setParameter(3, window.end())
                .executeUpdate();
    }
}
