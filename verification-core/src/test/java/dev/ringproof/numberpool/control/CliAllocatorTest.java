package dev.ringproof.numberpool.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.numberpool.entity.NumberRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliAllocatorTest {

    private final NumberRun block = new NumberRun(442079460000L, 442079469999L);

    @Test
    void drawsFromTheWholeBlocksOnly() {
        for (int i = 0; i < 1000; i++) {
            String cli = CliAllocator.drawFrom(List.of(block), 4, c -> true).orElseThrow();
            assertThat(Long.parseLong(cli.substring(1))).isBetween(442079460000L, 442079469999L);
        }
    }

    @Test
    void aLongerCodeNeedsALargerBlock() {
        var twoBlocks = new NumberRun(442079460000L, 442079479999L);
        var hundredThousand = new NumberRun(442079400000L, 442079499999L);

        assertThat(CliAllocator.drawFrom(List.of(twoBlocks), 5, c -> true)).isEmpty();
        for (int i = 0; i < 1000; i++) {
            String cli = CliAllocator.drawFrom(
                            List.of(twoBlocks, new NumberRun(442079500000L, 442079599999L)), 5, c -> true)
                    .orElseThrow();
            assertThat(cli).startsWith("+4420795");
        }
        assertThat(CliAllocator.drawFrom(List.of(hundredThousand), 6, c -> true))
                .isEmpty();
    }

    @Test
    void aSpanOfSeveralBlocksCountsEachOfThemForLongerCodesOnlyWhenWhole() {
        var span = new NumberRun(442079350000L, 442079549999L);

        for (int i = 0; i < 2000; i++) {
            String cli = CliAllocator.drawFrom(List.of(span), 5, c -> true).orElseThrow();
            assertThat(cli).startsWith("+4420794");
        }
    }

    @Test
    void drawsUniformlyAcrossBlocks() {
        var a = new NumberRun(10_000, 19_999);
        var b = new NumberRun(100_000, 129_999);
        Map<String, Integer> hits = new HashMap<>();
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            long n = Long.parseLong(CliAllocator.drawFrom(List.of(a, b), 4, c -> true)
                    .orElseThrow()
                    .substring(1));
            hits.merge(n < 100_000 ? "a" : "b", 1, Integer::sum);
        }
        // a holds a quarter of the numbers: expect 10 000 hits, allow six standard deviations (~520)
        assertThat(hits.get("a")).isBetween(9_480, 10_520);
    }

    @Test
    void everyCodeIsEquallyLikelyWhateverTheShownPrefix() {
        Map<String, Integer> codes = new HashMap<>();
        int draws = 100_000;
        var span = new NumberRun(4420794600L, 4420794999L);
        for (int i = 0; i < draws; i++) {
            String cli = CliAllocator.drawFrom(List.of(span), 2, c -> true).orElseThrow();
            codes.merge(cli.substring(cli.length() - 2), 1, Integer::sum);
        }
        // 100 codes, 1 000 draws each expected; six standard deviations is about 190
        assertThat(codes).hasSize(100);
        assertThat(codes.values()).allSatisfy(count -> assertThat(count).isBetween(810, 1_190));
    }

    @Test
    void neverGivesACliTheCallerMayNotReuse() {
        var tiny = new NumberRun(500, 509);

        for (int i = 0; i < 200; i++) {
            assertThat(CliAllocator.drawFrom(List.of(tiny), 1, c -> !c.equals("+500")))
                    .isPresent()
                    .hasValueSatisfying(cli -> assertThat(cli).isNotEqualTo("+500"));
        }
        assertThat(CliAllocator.drawFrom(List.of(tiny), 1, c -> false)).isEmpty();
    }

    @Test
    void noBlockNoCli() {
        assertThat(CliAllocator.drawFrom(List.of(), 4, c -> true)).isEmpty();
    }
}
