package dev.ringproof.numberpool.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A rested block comes out of the draw and takes every larger block holding it with it. */
class RestedBlocksTest {

    private final NumberRun hundredThousand = new NumberRun(442079400000L, 442079499999L);

    @Test
    void aRestedNumberRestsItsWholeBlockOfTenThousand() {
        assertThat(RestedBlock.blockOf(442079412345L)).isEqualTo(new NumberRun(442079410000L, 442079419999L));
        assertThat(RestedBlock.blockOf(442079410000L)).isEqualTo(new NumberRun(442079410000L, 442079419999L));
        assertThat(RestedBlock.blockOf(442079419999L)).isEqualTo(new NumberRun(442079410000L, 442079419999L));
    }

    @Test
    void whatIsLeftServesFourDigitsButNoLongerFive() {
        var left = NumberRun.without(List.of(hundredThousand), List.of(RestedBlock.blockOf(442079412345L)));

        assertThat(left)
                .containsExactly(
                        new NumberRun(442079400000L, 442079409999L), new NumberRun(442079420000L, 442079499999L));
        assertThat(left.stream().flatMap(r -> r.wholeBlocks(5).stream())).isEmpty();
        assertThat(left.stream()
                        .flatMap(r -> r.wholeBlocks(4).stream())
                        .mapToLong(NumberRun::size)
                        .sum())
                .isEqualTo(90_000);
        assertThat(PoolBlocks.within(left, List.of(hundredThousand))).isEqualTo(new PoolBlocks(4, 90_000));
    }

    @Test
    void holesAtTheEdgesAndOutsideTheRuns() {
        var runs = List.of(new NumberRun(100_000, 129_999), new NumberRun(200_000, 209_999));
        var holes = List.of(
                new NumberRun(90_000, 99_999),
                new NumberRun(100_000, 109_999),
                new NumberRun(120_000, 129_999),
                new NumberRun(200_000, 209_999));

        assertThat(NumberRun.without(runs, holes)).containsExactly(new NumberRun(110_000, 119_999));
        assertThat(NumberRun.without(runs, List.of())).isEqualTo(runs);
    }
}
