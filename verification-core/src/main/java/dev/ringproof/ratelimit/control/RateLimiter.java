package dev.ringproof.ratelimit.control;

import dev.ringproof.ratelimit.boundary.RateLimitExceeded;
import dev.ringproof.ratelimit.entity.RateLimitPolicy;
import dev.ringproof.ratelimit.entity.Traffic;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * Counts a start or check against every policy that applies to it, in the caller's
 * transaction: {@code update … set hits = hits + 1 where hits < limit} on the window's
 * counter row takes the row lock, so parallel requests queue on it and exactly {@code limit}
 * pass. A request rolled back later (any refusal or failure) takes its counts back with it:
 * only what passed is counted. Test traffic has counters of its own under the same policies.
 */
@Dependent
public class RateLimiter {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @EJB
    CounterRows rows;

    @Inject
    PolicyBook book;

    public void admit(Traffic traffic, OffsetDateTime now) {
        for (var policy : book.applicable(traffic.action(), traffic.tenantId())) {
            policy.subjectOf(traffic).ifPresent(subject -> take(policy, traffic.test(), subject, now));
        }
    }

    private void take(RateLimitPolicy policy, boolean test, String subject, OffsetDateTime now) {
        var window = FixedWindow.around(now, policy.windowSeconds());
        if (increment(policy, test, subject, window) == 1) {
            return;
        }
        if (!exists(policy, test, subject, window)) {
            rows.openCounter(policy.id(), test, subject, window);
            if (increment(policy, test, subject, window) == 1) {
                return;
            }
        }
        throw new RateLimitExceeded(policy.id(), policy.limit(), policy.windowSeconds(), window.secondsLeft(now));
    }

    private int increment(RateLimitPolicy policy, boolean test, String subject, FixedWindow window) {
        return em.createNativeQuery("update rate_limit_counter set hits = hits + 1"
                        + " where policy_id = ?1 and test = ?2 and subject = ?3 and window_start = ?4 and hits < ?5")
                .setParameter(1, policy.id())
                .setParameter(2, test)
                .setParameter(3, subject)
                .setParameter(4, window.start())
                .setParameter(5, policy.limit())
                .executeUpdate();
    }

    private boolean exists(RateLimitPolicy policy, boolean test, String subject, FixedWindow window) {
        return !em.createNativeQuery("select hits from rate_limit_counter"
                        + " where policy_id = ?1 and test = ?2 and subject = ?3 and window_start = ?4")
                .setParameter(1, policy.id())
                .setParameter(2, test)
                .setParameter(3, subject)
                .setParameter(4, window.start())
                .getResultList()
                .isEmpty();
    }
}
