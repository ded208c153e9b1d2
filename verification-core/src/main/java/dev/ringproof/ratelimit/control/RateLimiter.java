package dev.ringproof.ratelimit.control;

import dev.ringproof.ratelimit.boundary.RateLimitExceeded;
import dev.ringproof.ratelimit.entity.RateLimitPolicy;
import dev.ringproof.ratelimit.entity.Traffic;
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
 * only what passed is counted.
 */
@Dependent
public class RateLimiter {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    CounterRows rows;

    public void admit(Traffic traffic, OffsetDateTime now) {
        var policies = em.createNamedQuery(RateLimitPolicy.APPLICABLE, RateLimitPolicy.class)
                .setParameter("action", traffic.action().wireName())
                .setParameter("tenant", traffic.tenantId())
                .getResultList();
        for (var policy : policies) {
            policy.subjectOf(traffic).ifPresent(subject -> take(policy, subject, now));
        }
    }

    private void take(RateLimitPolicy policy, String subject, OffsetDateTime now) {
        var window = FixedWindow.around(now, policy.windowSeconds());
        if (increment(policy, subject, window) == 1) {
            return;
        }
        if (!exists(policy, subject, window)) {
            rows.openCounter(policy.id(), subject, window);
            if (increment(policy, subject, window) == 1) {
                return;
            }
        }
        throw new RateLimitExceeded(policy.id(), policy.limit(), policy.windowSeconds(), window.secondsLeft(now));
    }

    private int increment(RateLimitPolicy policy, String subject, FixedWindow window) {
        return em.createNativeQuery("update rate_limit_counter set hits = hits + 1"
                        + " where policy_id = ?1 and subject = ?2 and window_start = ?3 and hits < ?4")
                .setParameter(1, policy.id()).setParameter(2, subject).setParameter(3, window.start())
                .setParameter(4, policy.limit())
                .executeUpdate();
    }

    private boolean exists(RateLimitPolicy policy, String subject, FixedWindow window) {
        return !em.createNativeQuery("select hits from rate_limit_counter"
                        + " where policy_id = ?1 and subject = ?2 and window_start = ?3")
                .setParameter(1, policy.id()).setParameter(2, subject).setParameter(3, window.start())
                .getResultList().isEmpty();
    }
}
