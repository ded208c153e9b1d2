package dev.ringproof.ratelimit.control;

import dev.ringproof.platform.control.SharedCount;
import dev.ringproof.platform.control.SharedCounters;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Starts and approvals per prefix and minute, counted once the caller's transaction commits (a
 * refused or failed start is not counted), and summed for the velocity and conversion watches.
 * A prefix's minute is one row every start to it shares: it is counted through {@link
 * SharedCounters}, across requests, and the sums add the counts of this server still on their
 * way to the row, so a start sees every start before it here.
 * Test traffic ({@code test}) has rows of its own: it never moves the live sums.
 */
@Dependent
public class PrefixTraffic {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    SharedCounters shared;

    /** Sums over the periods the watches look at. */
    public record Stats(long recentStarts, long baselineStarts, long settledStarts, long settledApprovals) {}

    /** One column ({@code starts} or {@code approvals}, constants, never input) of a prefix's minute. */
    record Minute(String column, String prefix, boolean test, OffsetDateTime bucket) implements SharedCount {

        @Override
        public int add(EntityManager em, long n) {
            return em.createNativeQuery("update prefix_traffic set " + column + " = " + column + " + ?4"
                            + " where prefix = ?1 and test = ?2 and bucket_start = ?3")
                    .setParameter(1, prefix)
                    .setParameter(2, test)
                    .setParameter(3, bucket)
                    .setParameter(4, n)
                    .executeUpdate();
        }

        @Override
        public void open(EntityManager em) {
            em.createNativeQuery("insert into prefix_traffic (prefix, test, bucket_start, starts, approvals)"
                            + " values (?1, ?2, ?3, 0, 0) on conflict do nothing")
                    .setParameter(1, prefix)
                    .setParameter(2, test)
                    .setParameter(3, bucket)
                    .executeUpdate();
        }

        boolean counts(String column, String prefix, boolean test, OffsetDateTime after, OffsetDateTime until) {
            return this.column.equals(column)
                    && this.prefix.equals(prefix)
                    && this.test == test
                    && bucket.isAfter(after)
                    && (until == null || !bucket.isAfter(until));
        }
    }

    public void countStart(String prefix, boolean test, OffsetDateTime now) {
        count(STARTS, prefix, test, now);
    }

    public void countApproval(String prefix, boolean test, OffsetDateTime now) {
        count(APPROVALS, prefix, test, now);
    }

    /** Forgets the prefix's counted traffic of one world, with its counts still on their way, in the caller's transaction. */
    public void forget(String prefix, boolean test) {
        em.createNativeQuery("delete from prefix_traffic where prefix = ?1 and test = ?2")
                .setParameter(1, prefix)
                .setParameter(2, test)
                .executeUpdate();
        shared.forget(
                count -> count instanceof Minute minute && minute.prefix().equals(prefix) && minute.test() == test);
    }

    public Stats stats(
            String prefix, boolean test, OffsetDateTime now, VelocityWatch velocity, ConversionWatch conversion) {
        var recentFrom = now.minus(velocity.window());
        var baselineFrom = recentFrom.minus(velocity.baseline());
        var settledFrom = now.minus(conversion.window());
        var settledTo = now.minus(conversion.settle());
        var from = baselineFrom.isBefore(settledFrom) ? baselineFrom : settledFrom;
        return shared.consistently(() -> {
            Object[] row = (Object[]) em.createNativeQuery("select " + sum(STARTS, RECENT) + ", "
                            + sum(STARTS, BASELINE) + ", " + sum(STARTS, SETTLED) + ", " + sum(APPROVALS, SETTLED)
                            + " from prefix_traffic where prefix = ?5 and test = ?6 and bucket_start > ?7")
                    .setParameter(1, recentFrom)
                    .setParameter(2, baselineFrom)
                    .setParameter(3, settledFrom)
                    .setParameter(4, settledTo)
                    .setParameter(5, prefix)
                    .setParameter(6, test)
                    .setParameter(7, from)
                    .getSingleResult();
            return new Stats(
                    number(row[0]) + pending(STARTS, prefix, test, recentFrom, null),
                    number(row[1]) + pending(STARTS, prefix, test, baselineFrom, recentFrom),
                    number(row[2]) + pending(STARTS, prefix, test, settledFrom, settledTo),
                    number(row[3]) + pending(APPROVALS, prefix, test, settledFrom, settledTo));
        });
    }

    private static final String STARTS = "starts";
    private static final String APPROVALS = "approvals";

    /** The periods the watches read, as conditions on a bucket (parameters 1-4 of {@link #stats}). */
    private static final String RECENT = "bucket_start > ?1";

    private static final String BASELINE = "bucket_start > ?2 and bucket_start <= ?1";
    private static final String SETTLED = "bucket_start > ?3 and bucket_start <= ?4";

    /** The one reading both watches take: {@code column} (a constant, never input) summed over some buckets. */
    private static String sum(String column, String buckets) {
        return "coalesce(sum(case when " + buckets + " then " + column + " else 0 end), 0)";
    }

    /** This server's counts of the buckets after {@code after} and up to {@code until} (null: no end) not yet in the rows. */
    private long pending(String column, String prefix, boolean test, OffsetDateTime after, OffsetDateTime until) {
        return shared.pending(Minute.class, minute -> minute.counts(column, prefix, test, after, until));
    }

    private void count(String column, String prefix, boolean test, OffsetDateTime now) {
        shared.afterCommit(new Minute(column, prefix, test, now.truncatedTo(ChronoUnit.MINUTES)));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
