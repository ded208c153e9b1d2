package dev.ringproof.numberpool.control;

import dev.ringproof.numberpool.entity.CliCounts;
import dev.ringproof.numberpool.entity.HealthRules.Reason;
import dev.ringproof.numberpool.entity.NumberPool;
import dev.ringproof.platform.control.CachedReads;
import dev.ringproof.platform.control.DatabaseProduct;
import dev.ringproof.platform.control.SharedCount;
import dev.ringproof.platform.control.SharedCounters;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Counts what each caller number does, in the caller's transaction, at a bounded cost: one
 * update of the number's row of the hour or the day (and of its pool's), never a scan. A call
 * counts against the number's hourly cap when the number is drawn, and only if it is under the
 * cap: the cap's row is updated under its lock, so parallel starts on any server never pass it.
 * On the number's day a call is counted as placed with its outcome, as on its pool's day, in the
 * send's one statement (the start's transaction has one update fewer). After an outcome the
 * number's day is judged against its pool's rules, and a number that breaks one rests with its
 * block.
 */
@Dependent
public class CliCounters {

    private static final Logger LOG = Logger.getLogger(CliCounters.class.getName());

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    CliKeys keys;

    @EJB
    CliCounterRows rows;

    @Inject
    BlockRests rests;

    @Inject
    PoolOwnership ownership;

    @Inject
    SharedCounters shared;

    @Inject
    DatabaseProduct database;

    /** What a call of a number led to. */
    public enum Outcome {
        RINGING,
        ANSWERED,
        FAILED
    }

    /**
     * Counts a call from {@code cli} if its pool's hourly cap allows one more; false: draw another.
     * The call that brings a number to its cap rests the number's whole block until the hour ends,
     * in the same transaction, so no later draw can meet a block with one number missing: a block
     * is drawn from whole or not at all, and its codes stay uniform. A draw that still meets a
     * number at its cap (a start that read the blocks before that rest committed) rests it too.
     */
    public boolean admit(String cli, OffsetDateTime now) {
        var pool = poolOf(cli);
        if (pool.isEmpty()) {
            return true;
        }
        String key = keys.keyOf(cli);
        OffsetDateTime hour = utc(now).truncatedTo(ChronoUnit.HOURS);
        int cap = pool.get().rules().maxCallsPerHour();
        // one statement for the usual call, one below the cap; the number's rows are opened (in a
        // transaction of their own) only when the hour has none yet, and a second count only near the cap
        boolean belowTheCap = countCall(key, hour, "calls < ?3", cap - 1) == 1;
        if (!belowTheCap) {
            rows.open(key, keys.sealed(cli, key), pool.get().id(), hour, utc(now).toLocalDate());
            belowTheCap = countCall(key, hour, "calls < ?3", cap - 1) == 1;
        }
        if (!belowTheCap) {
            boolean reachesTheCap = countCall(key, hour, "calls = ?3", cap - 1) == 1;
            rests.rest(digits(cli), pool.get().country(), pool.get().id(), Reason.HOURLY_CAP, now, hour.plusHours(1));
            if (!reachesTheCap) {
                return false;
            }
        }
        return true;
    }

    /** Adds the call to the number's hour where {@code condition} on its calls so far holds (its row locked). */
    private int countCall(String key, OffsetDateTime hour, String condition, int calls) {
        return em.createNativeQuery(
                        "update cli_hour set calls = calls + 1 where cli_key = ?1 and hour_start = ?2 and " + condition)
                .setParameter(1, key)
                .setParameter(2, hour)
                .setParameter(3, calls)
                .executeUpdate();
    }

    /** Counts the outcome of a call from {@code cli}; rests the number's block when it breaks a rule. */
    public void outcome(String cli, Outcome outcome, OffsetDateTime now) {
        var pool = poolOf(cli);
        if (pool.isEmpty()) {
            return;
        }
        var day = bumpAndRead(cli, keys.keyOf(cli), pool.get(), now, counted(outcome));
        // every outcome is a call placed on the pool's day
        shared.afterCommit(new PoolDay("placed", pool.get().id(), utc(now).toLocalDate()));
        judge(cli, pool.get(), day, now);
    }

    /** The columns of the number's day that an outcome adds one to: every outcome is a call placed. */
    static String[] counted(Outcome outcome) {
        return switch (outcome) {
            case RINGING -> new String[] {"placed", "ringing"};
            case ANSWERED -> new String[] {"placed", "ringing", "answered"};
            case FAILED -> new String[] {"placed", "failed"};
        };
    }

    /** Counts a verification approved with a missed call from {@code cli}. */
    public void approved(String cli, OffsetDateTime now) {
        poolOf(cli).ifPresent(pool -> countApproval(cli, keys.keyOf(cli), pool, now));
    }

    /** The counts of a number's day (after ?1 and ?2 pick its row) and its pool's (?3), as {@link #judge} reads them. */
    private static final String DAY_COUNTS = "c.placed, c.ringing, c.answered, c.failed, c.approved,"
            + " (select p.placed from pool_day p where p.pool_id = ?3 and p.on_day = c.on_day),"
            + " (select p.approved from pool_day p where p.pool_id = ?3 and p.on_day = c.on_day)";

    /**
     * Adds one to each of {@code sets}' columns of the number's (?1) day (?2) and reads its counts
     * and its pool's (?3) day in the same statement: one round trip where an update and a read took
     * two on every send. H2 and PostgreSQL spell it differently.
     */
    static String bumpAndReadSql(boolean postgres, String... columns) {
        String sets = sets(columns);
        return postgres
                ? "update cli_day c set " + sets + " where c.cli_key = ?1 and c.on_day = ?2 returning " + DAY_COUNTS
                : "select " + DAY_COUNTS + " from final table (update cli_day set " + sets
                        + " where cli_key = ?1 and on_day = ?2) c";
    }

    /** Counts {@code columns} of the number's day and reads the day's counts and its pool's; empty without a row. */
    private Optional<Object[]> bumpAndRead(
            String cli, String key, NumberPool pool, OffsetDateTime now, String... columns) {
        var day = utc(now).toLocalDate();
        String sql = bumpAndReadSql(database.isPostgres(), columns);
        var counted = bumpAndRead(sql, key, day, pool.id());
        if (counted.isEmpty()) {
            rows.open(key, keys.sealed(cli, key), pool.id(), utc(now).truncatedTo(ChronoUnit.HOURS), day);
            counted = bumpAndRead(sql, key, day, pool.id());
        }
        return counted;
    }

    private Optional<Object[]> bumpAndRead(String sql, String key, LocalDate day, String poolId) {
        List<?> found = em.createNativeQuery(sql)
                .setParameter(1, key)
                .setParameter(2, day)
                .setParameter(3, poolId)
                .getResultList();
        return found.stream().map(row -> (Object[]) row).findFirst();
    }

    private void judge(String cli, NumberPool pool, Optional<Object[]> row, OffsetDateTime now) {
        CliCounts counts = row.map(CliCounters::counts).orElse(CliCounts.NONE);
        double poolApprovals = row.filter(r -> r[5] != null && ((Number) r[5]).longValue() > 0)
                .map(r -> ((Number) r[6]).doubleValue() / ((Number) r[5]).longValue())
                .orElse(0.0);
        var rules = pool.rules();
        rules.broken(counts, poolApprovals).ifPresent(reason -> {
            if (rests.rest(digits(cli), pool.country(), pool.id(), reason, now, now.plusHours(rules.restHours()))) {
                LOG.info(() -> "A block of pool " + pool.id() + " rests (" + reason.wireName() + ")");
            }
        });
    }

    /**
     * Adds one to the approvals of the number's day and of its pool's day. The pool's row is shared
     * by all its numbers, so it is not touched while a caller holds its transaction open: its counts
     * are added once the caller's transaction has committed, with those of other commits ({@link
     * SharedCounters}), so sends and checks do not queue on it. The pool's approval rate that {@link
     * #judge} reads may then miss the last few milliseconds of counts.
     */
    private void countApproval(String cli, String key, NumberPool pool, OffsetDateTime now) {
        var day = utc(now).toLocalDate();
        String sql = "update cli_day set " + sets("approved") + " where cli_key = ?1 and on_day = ?2";
        if (update(sql, key, day) == 0) {
            rows.open(key, keys.sealed(cli, key), pool.id(), utc(now).truncatedTo(ChronoUnit.HOURS), day);
            update(sql, key, day);
        }
        shared.afterCommit(new PoolDay("approved", pool.id(), day));
    }

    /** Adds one to each column (constants, never input). */
    private static String sets(String... columns) {
        return Arrays.stream(columns).map(c -> c + " = " + c + " + 1").collect(Collectors.joining(", "));
    }

    /** One column ({@code placed} or {@code approved}, constants, never input) of a pool's day. */
    record PoolDay(String column, String poolId, LocalDate day) implements SharedCount {

        @Override
        public int add(EntityManager em, long n) {
            return em.createNativeQuery("update pool_day set " + column + " = " + column + " + ?3"
                            + " where pool_id = ?1 and on_day = ?2")
                    .setParameter(1, poolId)
                    .setParameter(2, day)
                    .setParameter(3, n)
                    .executeUpdate();
        }

        @Override
        public void open(EntityManager em) {
            openRow(em, poolId, day);
        }

        /** Inserts the pool's row of {@code day} at 0 unless it is there. */
        static void openRow(EntityManager em, String poolId, LocalDate day) {
            em.createNativeQuery("insert into pool_day (pool_id, on_day, placed, approved) values (?1, ?2, 0, 0)"
                            + " on conflict do nothing")
                    .setParameter(1, poolId)
                    .setParameter(2, day)
                    .executeUpdate();
        }
    }

    private int update(String sql, String key, Object day) {
        return em.createNativeQuery(sql)
                .setParameter(1, key)
                .setParameter(2, day)
                .executeUpdate();
    }

    private Optional<NumberPool> poolOf(String cli) {
        return ownership.poolOf(digits(cli)).map(id -> em.find(NumberPool.class, id, CachedReads.AS_CACHED));
    }

    /** Drops the hourly cap's rows of ended hours, which a number drawn again would drop itself. */
    public int forgetEndedHours(OffsetDateTime now) {
        return em.createNativeQuery("delete from cli_hour where hour_start < ?1")
                .setParameter(1, utc(now).truncatedTo(ChronoUnit.HOURS))
                .executeUpdate();
    }

    private static CliCounts counts(Object[] row) {
        return new CliCounts(
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue(),
                ((Number) row[4]).longValue());
    }

    static long digits(String e164) {
        return Long.parseLong(e164.substring(1));
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
