package dev.ringproof.numberpool.boundary;

import dev.ringproof.numberpool.control.BlockRests;
import dev.ringproof.numberpool.control.CliAllocator;
import dev.ringproof.numberpool.control.CliCounters;
import dev.ringproof.numberpool.control.CliCounters.Outcome;
import dev.ringproof.numberpool.control.CountryBlocks;
import dev.ringproof.numberpool.control.HealthQueries;
import dev.ringproof.numberpool.entity.HealthRules;
import dev.ringproof.numberpool.entity.HealthRules.Reason;
import dev.ringproof.numberpool.entity.NumberPool;
import dev.ringproof.numberpool.entity.NumberRun;
import dev.ringproof.numberpool.entity.PoolBlocks;
import dev.ringproof.numberpool.entity.PoolHealthView;
import dev.ringproof.numberpool.entity.PoolRange;
import dev.ringproof.numberpool.entity.RestedBlock;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.PhoneNumbers;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The health of caller numbers: counts each flash call's outcome and each approval against
 * its number, and lets an admin see a pool's health, rest a number (with its block) or
 * restore it. What rests is left out of every draw at once, on every server.
 */
@Stateless
public class PoolHealth {

    /** Days of history in the health view. */
    public static final int DAYS = 14;

    static final int TOP = 5;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CliCounters counters;

    @Inject
    BlockRests rests;

    @Inject
    CliAllocator allocator;

    @Inject
    CountryBlocks blocks;

    @Inject
    HealthQueries queries;

    @EJB
    PoolGauges gauges;

    /** A carrier's word on a flash call from {@code cli}: rang, was answered, or was refused. */
    public void callReported(String cli, boolean accepted, boolean answered, boolean refused) {
        var now = OffsetDateTime.now(clock);
        if (answered) {
            counters.outcome(cli, Outcome.ANSWERED, now);
        } else if (accepted) {
            counters.outcome(cli, Outcome.RINGING, now);
        } else if (refused) {
            counters.outcome(cli, Outcome.FAILED, now);
        }
    }

    public void approved(String cli) {
        counters.approved(cli, OffsetDateTime.now(clock));
    }

    public PoolHealthView view(String poolId) {
        var pool = pool(poolId);
        var now = OffsetDateTime.now(clock);
        var today = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        var since = today.minusDays(DAYS - 1L);
        var own = em.createNamedQuery(PoolRange.RUNS_OF_POOL, NumberRun.class)
                .setParameter("pool", poolId)
                .getResultList();
        var rested = em.createNamedQuery(RestedBlock.OF_POOL, RestedBlock.class)
                .setParameter("pool", poolId)
                .setParameter("now", now)
                .getResultList();
        long restedSize = rested.stream()
                .mapToLong(
                        b -> own.stream().mapToLong(r -> r.overlap(b.block())).sum())
                .sum();
        var usable =
                pool.isEnabled() ? PoolBlocks.within(allocator.usableRuns(pool.country(), now), own) : PoolBlocks.NONE;
        return new PoolHealthView(
                pool,
                pool.rules(),
                own.stream().mapToLong(NumberRun::size).sum(),
                usable,
                restedSize,
                queries.inUse(poolId, today),
                rested,
                queries.top(poolId, since, "answered", TOP),
                queries.top(poolId, since, "failed", TOP),
                queries.days(poolId, since));
    }

    /** Rests the block of {@code e164} for {@code hours} (null: until restored). */
    public PoolHealthView rest(String poolId, String e164, Integer hours) {
        var pool = pool(poolId);
        long number = numberOf(pool, e164);
        var now = OffsetDateTime.now(clock);
        rests.rest(number, pool.country(), poolId, Reason.ADMIN, now, hours == null ? null : now.plusHours(hours));
        gauges.refresh();
        return view(poolId);
    }

    /** Puts the block of {@code e164} back into the draw, whatever rested it. */
    public PoolHealthView restore(String poolId, String e164) {
        var pool = pool(poolId);
        if (!rests.restore(numberOf(pool, e164))) {
            throw Refusal.notFound("rested number in this pool");
        }
        gauges.refresh();
        return view(poolId);
    }

    /** Sets a pool's health rules, all of them (the caller fills in what it keeps from {@link NumberPool#rules}). */
    public PoolHealthView changeRules(String poolId, HealthRules changes) {
        var pool = pool(poolId);
        pool.changeRules(changes);
        return view(poolId);
    }

    private long numberOf(NumberPool pool, String e164) {
        long number = Long.parseLong(PhoneNumbers.parse(e164).e164().substring(1));
        boolean inPool = em.createNamedQuery(PoolRange.OF_POOL, PoolRange.class)
                .setParameter("pool", pool.id())
                .getResultStream()
                .anyMatch(r -> r.contains(number));
        if (!inPool) {
            throw Refusal.notFound("number in this pool");
        }
        return number;
    }

    private NumberPool pool(String id) {
        var pool = id == null ? null : em.find(NumberPool.class, id);
        if (pool == null) {
            throw Refusal.notFound("number pool");
        }
        return pool;
    }
}
