package dev.ringproof.numberpool.control;

import dev.ringproof.numberpool.entity.FullBlockSpan;
import dev.ringproof.numberpool.entity.NumberRun;
import dev.ringproof.numberpool.entity.RestedBlock;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Draws the caller number (CLI) of a missed call: uniformly, with SecureRandom, from the
 * numbers whose whole block of 10^codeLength (every number sharing the prefix the
 * verification shows) is in the enabled pools of the destination's country, so the code
 * is uniform over 10^codeLength values. Reads the country's few {@link FullBlockSpan}s,
 * never its pools' numbers, less the blocks that rest ({@link RestedBlock}): a rested block
 * is aligned to 10^4, so what is left still holds only whole blocks for every code length.
 * A number that reaches its pool's hourly cap rests its block until the hour ends
 * ({@link CliCounters#admit}); a draw that meets one at its cap draws again from the blocks
 * left. The caller says which CLIs it may not reuse.
 */
@Dependent
public class CliAllocator {

    static final int MAX_DRAWS = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    CliCounters counters;

    /**
     * Empty when the country has no whole block for the code length outside rested blocks, or
     * every draw was not reusable or at its cap. The call drawn is counted against its number.
     */
    public Optional<String> draw(String country, int codeLength, Predicate<String> reusable, OffsetDateTime now) {
        for (int i = 0; i < MAX_DRAWS; i++) {
            var cli = drawFrom(usableRuns(country, now), codeLength, reusable);
            if (cli.isEmpty() || counters.admit(cli.get(), now)) {
                return cli;
            }
            // at its cap, its block rests now: the next draw reads the blocks without it
        }
        return Optional.empty();
    }

    /** The country's whole-block spans without the blocks resting at {@code now}. */
    public List<NumberRun> usableRuns(String country, OffsetDateTime now) {
        List<?> rows = em.createNativeQuery(SPANS_AND_RESTS)
                .setParameter(1, country)
                .setParameter(2, now)
                .getResultList();
        return usableRuns(rows.stream().map(row -> (Object[]) row).toList());
    }

    /** The rows of {@link #SPANS_AND_RESTS}: kind, first and last number. */
    static List<NumberRun> usableRuns(List<Object[]> rows) {
        List<NumberRun> spans = new ArrayList<>();
        List<NumberRun> rested = new ArrayList<>();
        for (Object[] row : rows) {
            var run = new NumberRun(((Number) row[1]).longValue(), ((Number) row[2]).longValue());
            (((Number) row[0]).intValue() == RESTED ? rested : spans).add(run);
        }
        return NumberRun.without(spans, rested);
    }

    private static final int RESTED = 1;

    /**
     * The country's (?1) spans (kind 0), then its blocks resting at ?2 (kind 1), each by first
     * number: what a draw reads, in one statement (two before).
     */
    static final String SPANS_AND_RESTS = "select 0 as kind, first_number, last_number from full_block_span"
            + " where country = ?1"
            + " union all select " + RESTED + ", first_number, last_number from rested_block"
            + " where country = ?1 and (rested_until is null or rested_until > ?2)"
            + " order by 1, 2";

    /**
     * Spans are cut to blocks of 10^{@link FullBlockSpan#BLOCK_DIGITS}; a shorter code still draws
     * from whole blocks only, just not from all of them.
     */
    static Optional<String> drawFrom(List<NumberRun> spans, int codeLength, Predicate<String> reusable) {
        var eligible = spans.stream()
                .flatMap(span -> span.wholeBlocks(codeLength).stream())
                .toList();
        long total = eligible.stream().mapToLong(NumberRun::size).sum();
        if (total == 0) {
            return Optional.empty();
        }
        for (int i = 0; i < MAX_DRAWS; i++) {
            String cli = numberAt(eligible, RANDOM.nextLong(total));
            if (reusable.test(cli)) {
                return Optional.of(cli);
            }
        }
        return Optional.empty();
    }

    private static String numberAt(List<NumberRun> runs, long index) {
        long offset = index;
        for (NumberRun run : runs) {
            if (offset < run.size()) {
                return run.numberAt(offset);
            }
            offset -= run.size();
        }
        throw new IllegalStateException("index beyond the runs");
    }
}
