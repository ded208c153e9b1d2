package dev.ringproof.numberpool.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolBlocksTest {

    private static final long BLOCK = 442079460000L;

    @Test
    void tenThousandNumbersFromTenThousandBlocksServeNothing() {
        List<NumberRun> scattered = new ArrayList<>();
        for (long block = 0; block < 10_000; block++) {
            long number = 44200000000000L + block * 10_000 + (block * 7919) % 10_000;
            scattered.add(new NumberRun(number, number));
        }

        assertThat(PoolBlocks.of(NumberRun.joined(scattered), scattered)).isEqualTo(new PoolBlocks(0, 0));
    }

    @Test
    void oneWholeBlockServesFourDigitsFromEachOfItsNumbers() {
        var pool = List.of(new NumberRun(BLOCK, BLOCK + 9_999));

        assertThat(PoolBlocks.of(pool, pool)).isEqualTo(new PoolBlocks(4, 10_000));
    }

    @Test
    void numbersOutsideTheWholeBlockAreNotUsable() {
        var pool = List.of(
                new NumberRun(BLOCK - 5, BLOCK - 1),
                new NumberRun(BLOCK, BLOCK + 9_999),
                new NumberRun(BLOCK + 10_000, BLOCK + 10_500),
                new NumberRun(BLOCK + 30_000, BLOCK + 30_000));

        assertThat(PoolBlocks.of(NumberRun.joined(pool), pool)).isEqualTo(new PoolBlocks(4, 10_000));
    }

    @Test
    void aBlockSplitOverTwoPoolsServesBoth() {
        var first = List.of(new NumberRun(BLOCK, BLOCK + 4_999));
        var second = List.of(new NumberRun(BLOCK + 5_000, BLOCK + 9_999));
        var country = NumberRun.joined(List.of(first.get(0), second.get(0)));

        assertThat(PoolBlocks.of(country, first)).isEqualTo(new PoolBlocks(4, 5_000));
        assertThat(PoolBlocks.of(country, second)).isEqualTo(new PoolBlocks(4, 5_000));
        assertThat(PoolBlocks.of(first, first)).as("the other pool disabled").isEqualTo(new PoolBlocks(3, 0));
    }

    @Test
    void oneNumberMissingBreaksTheBlockButNotItsSmallerBlocks() {
        var pool = List.of(new NumberRun(BLOCK, BLOCK + 4_566), new NumberRun(BLOCK + 4_568, BLOCK + 9_999));

        assertThat(PoolBlocks.of(NumberRun.joined(pool), pool)).isEqualTo(new PoolBlocks(3, 0));
    }

    @Test
    void largerBlocksGiveLongerCodes() {
        var pool = List.of(new NumberRun(BLOCK - 60_000, BLOCK + 39_999));

        assertThat(PoolBlocks.of(pool, pool)).isEqualTo(new PoolBlocks(5, 100_000));
    }

    @Test
    void aHundredAlignedNumbersGiveTwoDigits() {
        var pool = List.of(new NumberRun(BLOCK + 300, BLOCK + 399));

        assertThat(PoolBlocks.of(pool, pool)).isEqualTo(new PoolBlocks(2, 0));
    }

    @Test
    void anEmptyPoolServesNothing() {
        assertThat(PoolBlocks.of(List.of(), List.of())).isEqualTo(PoolBlocks.NONE);
    }
}
