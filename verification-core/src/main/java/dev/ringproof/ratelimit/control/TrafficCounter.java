package dev.ringproof.ratelimit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/**
 * Counts a prefix's start or approval in a short transaction of its own, called once the
 * start or check has committed. Counted inside the start's transaction, the prefix's minute
 * row stayed locked for the whole start (about 13 ms), so every start to one prefix queued on
 * it: 74 starts/s at any concurrency (docs/benchmarks). Here the lock lasts one update.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TrafficCounter {

    @Inject
    PrefixTraffic traffic;

    public void countStart(String prefix, OffsetDateTime now) {
        traffic.countStart(prefix, now);
    }

    public void countApproval(String prefix, OffsetDateTime now) {
        traffic.countApproval(prefix, now);
    }
}
