package dev.ringproof.ratelimit.control;

import dev.ringproof.platform.control.SharedCounters;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Starts and approvals per prefix and minute, counted once the caller's transaction commits (a
 * refused or failed start is not counted) and before it returns, and summed for the velocity and
 * conversion watches. A prefix's minute is one row every start to it shares: it is counted
 * through {@link SharedCounters}, so starts do not queue on it.
 * Test traffic ({@code test}) has rows of its own: it never moves the live sums.
 */
@Dependent
public class PrefixTraffic {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @EJB
    CounterRows rows;

    @Inject
    SharedCounters shared;

    /** Sums over the periods the watches look at. */
    public record Stats(long recentStarts, long baselineStarts, long settledStarts, long settledApprovals) {}

    public void countStart(String prefix, boolean test, OffsetDateTime now) {
        count("starts", prefix, test, now);
    }

    public void countApproval(String prefix, boolean test, OffsetDateTime now) {
        count("approvals", prefix, test, now);
    }

    public Stats stats(
            String prefix, boolean test, OffsetDateTime now, VelocityWatch velocity, ConversionWatch conversion) {
        var recentFrom = now.minus(velocity.window());
        var baselineFrom = recentFrom.minus(velocity.baseline());
        var settledFrom = now.minus(conversion.window());
        var settledTo = now.minus(conversion.settle());
        var from = baselineFrom.isBefore(settledFrom) ? baselineFrom : settledFrom;
        Object[] row = (Object[]) em.createNativeQuery("select " + sum("starts", RECENT) + ", "
                        + sum("starts", BASELINE) + ", " + sum("starts", SETTLED) + ", " + sum("approvals", SETTLED)
                        + " from prefix_traffic where prefix = ?5 and test = ?6 and bucket_start > ?7")
                .setParameter(1, recentFrom)
                .setParameter(2, baselineFrom)
                .setParameter(3, settledFrom)
                .setParameter(4, settledTo)
                .setParameter(5, prefix)
                .setParameter(6, test)
                .setParameter(7, from)
                .getSingleResult();
        return new Stats(number(row[0]), number(row[1]), number(row[2]), number(row[3]));
    }

    /** The periods the watches read, as conditions on a bucket (parameters 1-4 of {@link #stats}). */
    private static final String RECENT = "bucket_start > ?1";

    private static final String BASELINE = "bucket_start > ?2 and bucket_start <= ?1";
    private static final String SETTLED = "bucket_start > ?3 and bucket_start <= ?4";

    /** The one reading both watches take: {@code column} (a constant, never input) summed over some buckets. */
    private static String sum(String column, String buckets) {
        return "coalesce(sum(case when " + buckets + " then " + column + " else 0 end), 0)";
    }

    private void count(String column, String prefix, boolean test, OffsetDateTime now) {
        var bucket = now.truncatedTo(ChronoUnit.MINUTES);
        shared.afterCommit(() -> {
            if (increment(column, prefix, test, bucket) == 0) {
                rows.openTraffic(prefix, test, bucket);
                increment(column, prefix, test, bucket);
            }
        });
    }

    /** {@code column} is one of two constants above, never input. */
    private int increment(String column, String prefix, boolean test, OffsetDateTime bucket) {
        return em.createNativeQuery("update prefix_traffic set " + column + " = " + column + " + 1"
                        + " where prefix = ?1 and test = ?2 and bucket_start = ?3")
                .setParameter(1, prefix)
                .setParameter(2, test)
                .setParameter(3, bucket)
                .executeUpdate();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
