package dev.ringproof.ratelimit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Starts and approvals per prefix and minute, counted in the caller's transaction (a
 * refused or failed start is not counted), and summed for the velocity and conversion watches.
 */
@Dependent
public class PrefixTraffic {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    CounterRows rows;

    /** Sums over the periods the watches look at. */
    public record Stats(long recentStarts, long baselineStarts, long settledStarts, long settledApprovals) {
    }

    public void countStart(String prefix, OffsetDateTime now) {
        count("starts", prefix, now);
    }

    public void countApproval(String prefix, OffsetDateTime now) {
        count("approvals", prefix, now);
    }

    public Stats stats(String prefix, OffsetDateTime now, VelocityWatch velocity, ConversionWatch conversion) {
        var recentFrom = now.minus(velocity.window());
        var baselineFrom = recentFrom.minus(velocity.baseline());
        var settledFrom = now.minus(conversion.window());
        var settledTo = now.minus(conversion.settle());
        var from = baselineFrom.isBefore(settledFrom) ? baselineFrom : settledFrom;
        Object[] row = (Object[]) em.createNativeQuery("select"
                        + " coalesce(sum(case when bucket_start > ?1 then starts else 0 end), 0),"
                        + " coalesce(sum(case when bucket_start > ?2 and bucket_start <= ?3 then starts else 0 end), 0),"
                        + " coalesce(sum(case when bucket_start > ?4 and bucket_start <= ?5 then starts else 0 end), 0),"
                        + " coalesce(sum(case when bucket_start > ?6 and bucket_start <= ?7 then approvals else 0 end), 0)"
                        + " from prefix_traffic where prefix = ?8 and bucket_start > ?9")
                .setParameter(1, recentFrom)
                .setParameter(2, baselineFrom).setParameter(3, recentFrom)
                .setParameter(4, settledFrom).setParameter(5, settledTo)
                .setParameter(6, settledFrom).setParameter(7, settledTo)
                .setParameter(8, prefix).setParameter(9, from)
                .getSingleResult();
        return new Stats(number(row[0]), number(row[1]), number(row[2]), number(row[3]));
    }

    private void count(String column, String prefix, OffsetDateTime now) {
        var bucket = now.truncatedTo(ChronoUnit.MINUTES);
        if (increment(column, prefix, bucket) == 0) {
            rows.openTraffic(prefix, bucket);
            increment(column, prefix, bucket);
        }
    }

    /** {@code column} is one of two constants above, never input. */
    private int increment(String column, String prefix, OffsetDateTime bucket) {
        return em.createNativeQuery("update prefix_traffic set " + column + " = " + column + " + 1"
                        + " where prefix = ?1 and bucket_start = ?2")
                .setParameter(1, prefix).setParameter(2, bucket)
                .executeUpdate();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
