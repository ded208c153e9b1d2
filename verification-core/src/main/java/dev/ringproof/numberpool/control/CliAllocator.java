package dev.ringproof.numberpool.control;

import dev.ringproof.numberpool.entity.NumberPool;
import dev.ringproof.numberpool.entity.PoolRange;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Draws the caller number (CLI) of a missed call: uniformly, with SecureRandom, from all
 * numbers of the enabled pools of the destination's country that are large enough to
 * carry a code of the asked length. The caller says which CLIs it may not reuse.
 */
@Dependent
public class CliAllocator {

    static final int MAX_DRAWS = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    public Optional<String> draw(String country, int codeLength, Predicate<String> reusable) {
        var pools = em.createNamedQuery(NumberPool.ENABLED_IN, NumberPool.class)
                .setParameter("country", country).getResultList();
        if (pools.isEmpty()) {
            return Optional.empty();
        }
        var ranges = em.createNamedQuery(PoolRange.OF_POOLS, PoolRange.class)
                .setParameter("pools", pools.stream().map(NumberPool::id).toList()).getResultList();
        return drawFrom(eligible(ranges, codeLength), reusable);
    }

    /** Ranges of the pools whose size gives at least {@code codeLength} digits of secret. */
    static List<PoolRange> eligible(List<PoolRange> ranges, int codeLength) {
        var sizes = ranges.stream().collect(java.util.stream.Collectors.groupingBy(
                PoolRange::poolId, java.util.stream.Collectors.summingLong(PoolRange::size)));
        return ranges.stream().filter(r -> NumberPool.codeDigits(sizes.get(r.poolId())) >= codeLength).toList();
    }

    static Optional<String> drawFrom(List<PoolRange> ranges, Predicate<String> reusable) {
        long total = ranges.stream().mapToLong(PoolRange::size).sum();
        if (total == 0) {
            return Optional.empty();
        }
        for (int i = 0; i < MAX_DRAWS; i++) {
            String cli = numberAt(ranges, RANDOM.nextLong(total));
            if (reusable.test(cli)) {
                return Optional.of(cli);
            }
        }
        return Optional.empty();
    }

    private static String numberAt(List<PoolRange> ranges, long index) {
        long offset = index;
        for (PoolRange range : ranges) {
            if (offset < range.size()) {
                return range.numberAt(offset);
            }
            offset -= range.size();
        }
        throw new IllegalStateException("index beyond the ranges");
    }
}
