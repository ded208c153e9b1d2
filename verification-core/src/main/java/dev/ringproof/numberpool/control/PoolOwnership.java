package dev.ringproof.numberpool.control;

import dev.ringproof.platform.control.Reread;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which pool holds a caller number, from every pool's ranges held in memory ({@link Reread}):
 * each start and each call's outcome asked the database. Ranges added or removed here count at
 * once; through another server, within 10 s (until then a number is counted against the pool
 * that held it before).
 */
@ApplicationScoped
public class PoolOwnership {

    /** Fired in the transaction that adds or removes numbers of a pool, or deletes one. */
    public record Changed() {}

    private record Range(long last, String poolId) {}

    static final String RANGES = "select r.firstNumber, r.lastNumber, r.poolId from PoolRange r";

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    private Reread<NavigableMap<Long, Range>> ranges;

    @PostConstruct
    void init() {
        ranges = new Reread<>(this::readAll);
    }

    /** The id of the pool whose range holds {@code number} (E.164 digits); ranges never overlap. */
    public Optional<String> poolOf(long number) {
        var below = ranges.get().floorEntry(number);
        return below != null && below.getValue().last() >= number
                ? Optional.of(below.getValue().poolId())
                : Optional.empty();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        ranges.changed();
    }

    private NavigableMap<Long, Range> readAll() {
        List<Object[]> rows = em.createQuery(RANGES, Object[].class).getResultList();
        var byFirst = new TreeMap<Long, Range>();
        for (Object[] row : rows) {
            byFirst.put(((Number) row[0]).longValue(), new Range(((Number) row[1]).longValue(), (String) row[2]));
        }
        return java.util.Collections.unmodifiableNavigableMap(byFirst);
    }
}
