package dev.ringproof.numberpool.entity;

import java.util.List;

/**
 * What a pool's numbers can serve. A number may carry an N-digit code only when all 10^N
 * numbers of its block (those sharing its prefix) are in the enabled pools of its country,
 * in this pool or in others: then the code is uniform over 10^N values.
 *
 * @param codeDigits    the longest code some number of the pool can carry (0 for none)
 * @param usableNumbers how many of the pool's numbers can carry a code of {@link #DEFAULT_CODE_LENGTH}
 */
public record PoolBlocks(int codeDigits, long usableNumbers) {

    /** A tenant's code length unless its admin sets another. */
    public static final int DEFAULT_CODE_LENGTH = 4;

    /** What a disabled or empty pool serves. */
    public static final PoolBlocks NONE = new PoolBlocks(0, 0);

    /**
     * @param countryRuns the numbers of the enabled pools of the pool's country, joined and sorted
     * @param poolRanges  the pool's own numbers, each inside one of {@code countryRuns}
     */
    public static PoolBlocks of(List<NumberRun> countryRuns, List<NumberRun> poolRanges) {
        int codeDigits = 0;
        long usable = 0;
        for (NumberRun range : poolRanges) {
            NumberRun run = runHolding(countryRuns, range.first());
            if (run == null) {
                continue;
            }
            codeDigits = Math.max(codeDigits, longestCode(run, range));
            usable += run.wholeBlocks(DEFAULT_CODE_LENGTH).map(range::overlap).orElse(0L);
        }
        return new PoolBlocks(codeDigits, usable);
    }

    /**
     * The same over runs that are already whole blocks of 10^{@link FullBlockSpan#BLOCK_DIGITS} (spans
     * less rested blocks), which a pool's range may cross several of.
     */
    public static PoolBlocks within(List<NumberRun> runs, List<NumberRun> poolRanges) {
        int codeDigits = 0;
        long usable = 0;
        for (NumberRun range : poolRanges) {
            for (NumberRun run : runs) {
                if (run.overlap(range) > 0) {
                    codeDigits = Math.max(codeDigits, longestCode(run, range));
                    usable += run.wholeBlocks(DEFAULT_CODE_LENGTH)
                            .map(range::overlap)
                            .orElse(0L);
                }
            }
        }
        return new PoolBlocks(codeDigits, usable);
    }

    /** A block of 10^N inside the run splits into ten whole blocks of 10^(N-1): so count up until none touches. */
    private static int longestCode(NumberRun run, NumberRun range) {
        int digits = 0;
        while (run.wholeBlocks(digits + 1).map(range::overlap).orElse(0L) > 0) {
            digits++;
        }
        return digits;
    }

    private static NumberRun runHolding(List<NumberRun> runs, long number) {
        int low = 0;
        int high = runs.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            NumberRun run = runs.get(middle);
            if (number < run.first()) {
                high = middle - 1;
            } else if (number > run.last()) {
                low = middle + 1;
            } else {
                return run;
            }
        }
        return null;
    }
}
