package dev.ringproof.numberpool.boundary;

import dev.ringproof.audit.boundary.Audited;
import dev.ringproof.numberpool.control.CountryBlocks;
import dev.ringproof.numberpool.control.PoolOwnership;
import dev.ringproof.numberpool.entity.NumberPool;
import dev.ringproof.numberpool.entity.NumberRun;
import dev.ringproof.numberpool.entity.PoolBlocks;
import dev.ringproof.numberpool.entity.PoolRange;
import dev.ringproof.numberpool.entity.TakenNumbers;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.Ids;
import dev.ringproof.platform.control.PhoneNumbers;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Admins' number pools: created per country, filled with numbers and ranges, enabled or not.
 * Every change to a pool's numbers or status keeps its country's whole blocks up to date
 * ({@link CountryBlocks}): a disabled or deleted pool's numbers, and a removed number, stop
 * serving at once, and so does every block they completed, in other pools too.
 */
@Stateless
public class NumberPools {

    /** Larger ranges are almost surely a typo; a real block is at most ten million numbers. */
    static final long MAX_RANGE_SIZE = 10_000_000L;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Event<PoolOwnership.Changed> ownershipChanges;

    @Inject
    Clock clock;

    @Inject
    CountryBlocks blocks;

    /** A pool with its size and what its numbers can serve (nothing while it is disabled). */
    public record PoolView(NumberPool pool, long size, PoolBlocks blocks) {

        public int codeDigits() {
            return blocks.codeDigits();
        }

        public long usableNumbers() {
            return blocks.usableNumbers();
        }
    }

    /** A range to add: from and to as given; a single number has from == to. */
    public record NumberRange(String from, String to) {}

    @Audited(action = "pool.create", target = NumberPool.class, id = Audited.RESULT)
    public PoolView create(String name, String country, boolean enabled) {
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("name", "is required");
        }
        if (country == null
                || !com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance()
                        .getSupportedRegions()
                        .contains(country)) {
            throw Refusal.invalid("country", "must be an ISO 3166 country code such as GB");
        }
        var pool = new NumberPool(Ids.next("pl"), name.strip(), country, enabled, OffsetDateTime.now(clock));
        em.persist(pool);
        return new PoolView(pool, 0, PoolBlocks.NONE);
    }

    public PoolView find(String id) {
        var pool = pool(id);
        return view(pool, pool.isEnabled() ? blocks.runs(pool.country()) : List.of());
    }

    public List<PoolView> all() {
        var pools = em.createNamedQuery(NumberPool.ALL, NumberPool.class).getResultList();
        Map<String, List<NumberRun>> runs = pools.stream()
                .filter(NumberPool::isEnabled)
                .map(NumberPool::country)
                .distinct()
                .collect(Collectors.toMap(Function.identity(), blocks::runs));
        return pools.stream()
                .map(p -> view(p, runs.getOrDefault(p.country(), List.of())))
                .toList();
    }

    @Audited(action = "pool.update", target = NumberPool.class)
    public PoolView update(String id, String name, Boolean enabled) {
        var pool = pool(id);
        blocks.lock(pool.country());
        if (name != null) {
            if (name.isBlank()) {
                throw Refusal.invalid("name", "must not be blank");
            }
            pool.rename(name.strip());
        }
        if (enabled != null && enabled != pool.isEnabled()) {
            pool.enable(enabled);
            blocks.refresh(pool.country());
        }
        return find(id);
    }

    @Audited(action = "pool.delete", target = NumberPool.class)
    public void delete(String id) {
        var pool = pool(id);
        blocks.lock(pool.country());
        ranges(id, 0, Integer.MAX_VALUE).forEach(em::remove);
        em.remove(pool);
        ownershipChanges.fire(new PoolOwnership.Changed());
        if (pool.isEnabled()) {
            blocks.refresh(pool.country());
        }
    }

    /** Adds numbers and ranges all or nothing; each must be valid in the pool's country and in no pool yet. */
    @Audited(
            action = "pool.add_numbers",
            target = NumberPool.class,
            arguments = {"", "ranges"})
    public PoolView add(String id, List<NumberRange> ranges) {
        var pool = pool(id);
        if (ranges.isEmpty()) {
            throw Refusal.invalid("numbers", "give at least one number or range");
        }
        blocks.lock(pool.country());
        List<PoolRange> adding = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            adding.add(toRange(pool, ranges.get(i), "numbers[" + i + "]"));
        }
        refuseTaken(adding);
        adding.forEach(em::persist);
        ownershipChanges.fire(new PoolOwnership.Changed());
        if (pool.isEnabled()) {
            blocks.refresh(pool.country());
        }
        return find(id);
    }

    public List<PoolRange> ranges(String id, int offset, int limit) {
        pool(id);
        return em.createNamedQuery(PoolRange.OF_POOL, PoolRange.class)
                .setParameter("pool", id)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long rangeCount(String id) {
        return em.createNamedQuery(PoolRange.COUNT_OF_POOL, Long.class)
                .setParameter("pool", id)
                .getSingleResult();
    }

    /** Removes one number, splitting its range where needed. */
    @Audited(
            action = "pool.remove_number",
            target = NumberPool.class,
            arguments = {"", "number"})
    public PoolView remove(String id, String e164) {
        var pool = pool(id);
        long number = digits(PhoneNumbers.parse(e164).e164());
        blocks.lock(pool.country());
        // read past the shared cache: the range is cut as the database holds it, whichever server changed it last
        var range = em.createNamedQuery(PoolRange.OF_POOL, PoolRange.class)
                .setParameter("pool", id)
                .setHint("eclipselink.refresh", "true")
                .getResultStream()
                .filter(r -> r.contains(number))
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("number in this pool"));
        var rest = range.cut(number, Ids.next("rg"));
        if (range.isEmpty()) {
            em.remove(range);
        }
        if (rest != null) {
            em.persist(rest);
        }
        ownershipChanges.fire(new PoolOwnership.Changed());
        if (pool.isEnabled()) {
            blocks.refresh(pool.country());
        }
        return find(id);
    }

    private PoolRange toRange(NumberPool pool, NumberRange given, String field) {
        var from = phoneIn(pool, given.from(), field);
        var to = given.to() == null ? from : phoneIn(pool, given.to(), field);
        long first = digits(from.e164());
        long last = digits(to.e164());
        if (from.e164().length() != to.e164().length() || last < first) {
            throw Refusal.invalid(field, "a range runs from a number up to one of the same length");
        }
        if (last - first + 1 > MAX_RANGE_SIZE) {
            throw Refusal.invalid(field, "a range may hold at most " + MAX_RANGE_SIZE + " numbers");
        }
        return new PoolRange(Ids.next("rg"), pool.id(), first, last);
    }

    /**
     * Refuses the first of {@code adding} that overlaps a number in a pool or one given before
     * it, with one read of the pools' runs in the span of them all.
     */
    private void refuseTaken(List<PoolRange> adding) {
        long first = adding.stream().mapToLong(PoolRange::firstNumber).min().orElseThrow();
        long last = adding.stream().mapToLong(PoolRange::lastNumber).max().orElseThrow();
        var taken = new TakenNumbers(em.createNamedQuery(PoolRange.OVERLAPPING, NumberRun.class)
                .setParameter("first", first)
                .setParameter("last", last)
                .getResultList());
        for (int i = 0; i < adding.size(); i++) {
            var range = adding.get(i);
            var overlapped = taken.take(new NumberRun(range.firstNumber(), range.lastNumber()), i);
            if (overlapped.isPresent()) {
                throw Refusal.invalid(
                        "numbers[" + i + "]",
                        overlapped.getAsInt() == TakenNumbers.IN_A_POOL
                                ? "overlaps numbers that are already in a pool"
                                : "overlaps numbers[" + overlapped.getAsInt() + "]");
            }
        }
    }

    private static PhoneNumbers.Phone phoneIn(NumberPool pool, String number, String field) {
        PhoneNumbers.Phone phone;
        try {
            phone = PhoneNumbers.parse(number);
        } catch (Refusal e) {
            throw Refusal.invalid(field, "is not a valid international number");
        }
        if (!pool.country().equals(phone.country())) {
            throw Refusal.invalid(field, phone.e164() + " is not a number of " + pool.country());
        }
        return phone;
    }

    private static long digits(String e164) {
        return Long.parseLong(e164.substring(1));
    }

    /** Sizes summed here, not in JPQL: EclipseLink's sum over bigint arithmetic was seen to lose precision. */
    private PoolView view(NumberPool pool, List<NumberRun> countryRuns) {
        var own = em.createNamedQuery(PoolRange.RUNS_OF_POOL, NumberRun.class)
                .setParameter("pool", pool.id())
                .getResultList();
        long size = own.stream().mapToLong(NumberRun::size).sum();
        return new PoolView(pool, size, pool.isEnabled() ? PoolBlocks.of(countryRuns, own) : PoolBlocks.NONE);
    }

    private NumberPool pool(String id) {
        var pool = id == null ? null : em.find(NumberPool.class, id);
        if (pool == null) {
            throw Refusal.notFound("number pool");
        }
        return pool;
    }
}
