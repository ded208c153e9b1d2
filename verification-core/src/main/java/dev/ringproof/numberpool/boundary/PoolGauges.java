package dev.ringproof.numberpool.boundary;

import dev.ringproof.numberpool.control.CliAllocator;
import dev.ringproof.numberpool.control.CliCounters;
import dev.ringproof.numberpool.entity.NumberPool;
import dev.ringproof.numberpool.entity.NumberRun;
import dev.ringproof.numberpool.entity.RestedBlock;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What the pools can serve, for monitoring, recomputed every minute from the database (a few
 * rows per country): numbers resting per pool, whole blocks left per country and code length,
 * and the countries that can no longer serve the code length of a tenant allowed to call them.
 * Also keeps the hourly cap's table small.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@Lock(LockType.READ)
public class PoolGauges {

    private static final Logger LOG = Logger.getLogger(PoolGauges.class.getName());

    public static final String RESTED = "ringproof.pool.rested.numbers";
    public static final String USABLE_BLOCKS = "ringproof.country.usable.blocks";

    static final int SHORTEST_CODE = 4;
    static final int LONGEST_CODE = 6;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    MetricRegistry registry;

    @Inject
    CliAllocator allocator;

    @Inject
    CliCounters counters;

    @Inject
    Clock clock;

    private final Map<List<String>, AtomicLong> values = new ConcurrentHashMap<>();
    private volatile List<String> shortOf = List.of();

    @PostConstruct
    void start() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // a database that does not answer yet must not stop the deployment: readiness says so, and the next minute
            // retries
            LOG.log(Level.WARNING, "The pool gauges could not be read at start", e);
        }
    }

    /** Every ten minutes: the cap's rows of ended hours. */
    @Schedule(second = "30", minute = "*/10", hour = "*", persistent = false)
    public void forgetEndedHours() {
        counters.forgetEndedHours(OffsetDateTime.now(clock));
    }

    /** Every minute, and at once after an admin's change, so monitoring sees it before the next minute. */
    @Schedule(second = "0", minute = "*", hour = "*", persistent = false)
    public void refresh() {
        var now = OffsetDateTime.now(clock);
        var pools = em.createNamedQuery(NumberPool.ALL, NumberPool.class).getResultList();
        Map<String, Long> restedBlocks = em
                .createNamedQuery(RestedBlock.COUNT_BY_POOL, Object[].class)
                .setParameter("now", now)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
        pools.forEach(p -> set(
                RESTED,
                "Numbers of the pool that rest (whole blocks of 10 000)",
                restedBlocks.getOrDefault(p.id(), 0L) * 10_000,
                "pool",
                p.id()));
        Set<String> countries = pools.stream().map(NumberPool::country).collect(Collectors.toCollection(TreeSet::new));
        var needs = codeLengthsNeeded();
        List<String> shortNow = new ArrayList<>();
        for (String country : countries) {
            var runs = allocator.usableRuns(country, now);
            for (int digits = SHORTEST_CODE; digits <= LONGEST_CODE; digits++) {
                long blocks = blocks(runs, digits);
                set(
                        USABLE_BLOCKS,
                        "Whole blocks of 10^code_length numbers a country's missed calls can draw from now",
                        blocks,
                        "country",
                        country,
                        "code_length",
                        String.valueOf(digits));
                if (blocks == 0 && needs.getOrDefault(country, Set.of()).contains(digits)
                        || blocks == 0 && needs.getOrDefault("*", Set.of()).contains(digits)) {
                    shortNow.add(country + ":" + digits);
                }
            }
        }
        shortOf = List.copyOf(shortNow);
    }

    /** Countries with pools that can no longer serve the code length of an active tenant allowed there, as {@code GB:5}. */
    public List<String> countriesShortOfBlocks() {
        return shortOf;
    }

    /** Per country (or {@code *} for tenants allowed everywhere), the code lengths active tenants use. */
    private Map<String, Set<Integer>> codeLengthsNeeded() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select distinct code_length, allowed_countries from tenant where status = 'active'")
                .getResultList();
        Map<String, Set<Integer>> needs = new ConcurrentHashMap<>();
        for (Object[] row : rows) {
            int length = ((Number) row[0]).intValue();
            String allowed = row[1] == null ? "" : (String) row[1];
            var countries = allowed.isBlank() ? List.of("*") : Arrays.asList(allowed.split(","));
            countries.forEach(
                    c -> needs.computeIfAbsent(c.strip(), k -> new TreeSet<>()).add(length));
        }
        return needs;
    }

    private static long blocks(List<NumberRun> runs, int digits) {
        long size = (long) Math.pow(10, digits);
        return runs.stream()
                .flatMap(r -> r.wholeBlocks(digits).stream())
                .mapToLong(r -> r.size() / size)
                .sum();
    }

    private void set(String name, String description, long value, String... tags) {
        var key = new ArrayList<String>();
        key.add(name);
        key.addAll(Arrays.asList(tags));
        values.computeIfAbsent(List.copyOf(key), k -> register(name, description, tags))
                .set(value);
    }

    private AtomicLong register(String name, String description, String... tags) {
        var value = new AtomicLong();
        Tag[] metricTags = new Tag[tags.length / 2];
        for (int i = 0; i < metricTags.length; i++) {
            metricTags[i] = new Tag(tags[2 * i], tags[2 * i + 1]);
        }
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(),
                value,
                AtomicLong::get,
                metricTags);
        return value;
    }
}
