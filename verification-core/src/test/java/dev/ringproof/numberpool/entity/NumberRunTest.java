package dev.ringproof.numberpool.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumberRunTest {

    @Test
    void aWholeAlignedBlockIsItsOwnWholeBlock() {
        var block = new NumberRun(442079460000L, 442079469999L);

        assertThat(block.wholeBlocks(4)).contains(block);
        assertThat(block.wholeBlocks(3)).contains(block);
        assertThat(block.wholeBlocks(5)).isEmpty();
    }

    @Test
    void tenThousandNumbersAcrossTwoBlocksHoldNoWholeBlockOfTenThousand() {
        var straddling = new NumberRun(442079465000L, 442079474999L);

        assertThat(straddling.size()).isEqualTo(10_000);
        assertThat(straddling.wholeBlocks(4)).isEmpty();
        assertThat(straddling.wholeBlocks(3)).contains(straddling);
    }

    @Test
    void theEndsAreCutToWholeBlocks() {
        var run = new NumberRun(442079455001L, 442079480123L);

        assertThat(run.wholeBlocks(4)).contains(new NumberRun(442079460000L, 442079479999L));
        assertThat(run.wholeBlocks(2)).contains(new NumberRun(442079455100L, 442079480099L));
        assertThat(run.wholeBlocks(0)).contains(run);
    }

    @Test
    void noBlockIsLargerThanALongCanCount() {
        var run = new NumberRun(1, 999_999_999_999_999L);

        assertThat(run.wholeBlocks(15)).isEmpty();
        assertThat(run.wholeBlocks(14)).contains(new NumberRun(100_000_000_000_000L, 999_999_999_999_999L));
        assertThat(run.wholeBlocks(19)).isEmpty();
        assertThat(run.wholeBlocks(-1)).isEmpty();
    }

    @Test
    void adjacentRunsJoinAndGapsSeparate() {
        var joined = NumberRun.joined(List.of(
                new NumberRun(100, 149), new NumberRun(150, 199), new NumberRun(201, 201), new NumberRun(202, 299)));

        assertThat(joined).containsExactly(new NumberRun(100, 199), new NumberRun(201, 299));
        assertThat(NumberRun.joined(List.of())).isEmpty();
    }

    @Test
    void joiningRefusesOverlapsAndDisorder() {
        assertThatThrownBy(() -> NumberRun.joined(List.of(new NumberRun(100, 150), new NumberRun(150, 160))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberRun.joined(List.of(new NumberRun(200, 210), new NumberRun(100, 110))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlapCountsTheCommonNumbers() {
        var run = new NumberRun(100, 199);

        assertThat(run.overlap(new NumberRun(150, 249))).isEqualTo(50);
        assertThat(run.overlap(new NumberRun(200, 249))).isZero();
        assertThat(run.overlap(new NumberRun(0, 1000))).isEqualTo(100);
    }
}
