package dev.ringproof.ratelimit.control;

import dev.ringproof.platform.control.SharedCount;
import dev.ringproof.platform.control.SharedCounters;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

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

    @Inject
    ClosedMinutes closedMinutes;

    /** Sums over the periods the watches look at. */
    public record Stats(long recentStarts, long baselineStarts, long settledStarts, long settledApprovals) {

        Stats plus(Stats other) {
            return new Stats(
                    recentStarts + other.recentStarts,
                    baselineStarts + other.baselineStarts,
                    settledStarts + other.settledStarts,
                    settledApprovals + other.settledApprovals);
        }
    }

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
        closedMinutes.forget(prefix, test);
    }

    public Stats stats(
            String prefix, boolean test, OffsetDateTime now, VelocityWatch velocity, ConversionWatch conversion) {
        var periods = Periods.of(now, velocity, conversion);
        if (!periods.wholeMinutes()) {
            return shared.consistently(() ->
                    read(prefix, test, periods, SUMS, periods.from(), null).stats());
        }
        var minute = now.truncatedTo(ChronoUnit.MINUTES);
        var closedUntil = minute.minus(OPEN_MINUTES);
        // two consistent reads, each of rows and pending counts: a count never moves from one minute to another,
        // so the closed and the open minutes, read apart, still count it once
        var open = shared.consistently(() -> read(prefix, test, periods, OPEN_SUMS, minute.minusMinutes(1), minute));
        var closed = closedMinutes.of(
                prefix,
                test,
                minute,
                open.oldest(),
                () -> shared.consistently(() -> read(prefix, test, periods, SUMS, periods.from(), closedUntil)));
        return closed.plus(open.stats());
    }

    /**
     * The rows of the current and the last minute: read by every start, since other servers' counts
     * still come in; the older ones are summed once a minute ({@link ClosedMinutes}).
     */
    static final Duration OPEN_MINUTES = Duration.ofMinutes(2);

    /** How far after the recent period a read without an end still counts rows: past any server's current minute. */
    private static final Duration NO_END = Duration.ofDays(1);

    /** The periods the watches read, as of one moment. */
    record Periods(
            OffsetDateTime recentFrom,
            OffsetDateTime baselineFrom,
            OffsetDateTime settledFrom,
            OffsetDateTime settledTo,
            boolean wholeMinutes) {

        static Periods of(OffsetDateTime now, VelocityWatch velocity, ConversionWatch conversion) {
            var recentFrom = now.minus(velocity.window());
            return new Periods(
                    recentFrom,
                    recentFrom.minus(velocity.baseline()),
                    now.minus(conversion.window()),
                    now.minus(conversion.settle()),
                    Stream.of(velocity.window(), velocity.baseline(), conversion.window(), conversion.settle())
                            .allMatch(d -> d.getNano() == 0 && d.getSeconds() % 60 == 0));
        }

        /** Where the oldest period begins. */
        OffsetDateTime from() {
            return baselineFrom.isBefore(settledFrom) ? baselineFrom : settledFrom;
        }
    }

    /**
     * The sums of {@code sql} with its buckets {@code first} and {@code second}: after the first and up
     * to the second ({@link #SUMS}, null: no end), or those two ({@link #OPEN_SUMS}); with this
     * server's counts of those buckets not yet in the rows.
     */
    private ClosedMinutes.Sums read(
            String prefix, boolean test, Periods periods, String sql, OffsetDateTime first, OffsetDateTime second) {
        boolean range = sql.equals(SUMS);
        Object[] row = (Object[]) em.createNativeQuery(sql)
                .setParameter(1, periods.recentFrom())
                .setParameter(2, periods.baselineFrom())
                .setParameter(3, periods.settledFrom())
                .setParameter(4, periods.settledTo())
                .setParameter(5, prefix)
                .setParameter(6, test)
                .setParameter(7, first)
                .setParameter(8, second == null ? periods.recentFrom().plus(NO_END) : second)
                .getSingleResult();
        Predicate<Minute> buckets = range
                ? m -> m.bucket().isAfter(first)
                        && (second == null || !m.bucket().isAfter(second))
                : m -> !m.bucket().isBefore(first);
        var stats = new Stats(
                number(row[0]) + pending(STARTS, prefix, test, periods.recentFrom(), null, buckets),
                number(row[1]) + pending(STARTS, prefix, test, periods.baselineFrom(), periods.recentFrom(), buckets),
                number(row[2]) + pending(STARTS, prefix, test, periods.settledFrom(), periods.settledTo(), buckets),
                number(row[3]) + pending(APPROVALS, prefix, test, periods.settledFrom(), periods.settledTo(), buckets));
        return new ClosedMinutes.Sums(stats, instant(row[4]));
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

    /** The four sums (parameters 1-4 bound the periods) of the prefix's (?5) rows of one world (?6), and its oldest row. */
    private static final String SUMS_OF = "select " + sum(STARTS, RECENT) + ", " + sum(STARTS, BASELINE) + ", "
            + sum(STARTS, SETTLED) + ", " + sum(APPROVALS, SETTLED)
            + ", (select min(bucket_start) from prefix_traffic where prefix = ?5 and test = ?6)"
            + " from prefix_traffic where prefix = ?5 and test = ?6 and ";

    /** {@link #SUMS_OF} the rows after ?7 and up to ?8. */
    static final String SUMS = SUMS_OF + "bucket_start > ?7 and bucket_start <= ?8";

    /**
     * {@link #SUMS_OF} the rows of the minutes ?7 and ?8, which every start reads. Not a range: PostgreSQL
     * planned a range afresh on every start (its generic plan for bounds it does not know looked dearer
     * than one for the bounds given), which cost it four times the reading itself.
     */
    static final String OPEN_SUMS = SUMS_OF + "bucket_start in (?7, ?8)";

    /** This server's counts of the buckets {@code buckets} accepts, after {@code after} and up to {@code until} (null: no end), not yet in the rows. */
    private long pending(
            String column,
            String prefix,
            boolean test,
            OffsetDateTime after,
            OffsetDateTime until,
            Predicate<Minute> buckets) {
        return shared.pending(
                Minute.class, minute -> minute.counts(column, prefix, test, after, until) && buckets.test(minute));
    }

    private void count(String column, String prefix, boolean test, OffsetDateTime now) {
        shared.afterCommit(new Minute(column, prefix, test, now.truncatedTo(ChronoUnit.MINUTES)));
    }

    /** A timestamp as the driver returns it (H2: OffsetDateTime, PostgreSQL: Timestamp), or null. */
    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
