package dev.ringproof.numberpool.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.numberpool.entity.PoolRange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliAllocatorTest {

    private final PoolRange big = new PoolRange("rg_1", "pl_big", 442079460000L, 442079469999L);
    private final PoolRange small = new PoolRange("rg_2", "pl_small", 442071110000L, 442071110099L);

    @Test
    void poolsTooSmallForTheCodeLengthAreLeftOut() {
        assertThat(CliAllocator.eligible(List.of(big, small), 4)).containsExactly(big);
        assertThat(CliAllocator.eligible(List.of(big, small), 2)).containsExactly(big, small);
        assertThat(CliAllocator.eligible(List.of(small), 4)).isEmpty();
    }

    @Test
    void drawsFromTheRangesOnly() {
        for (int i = 0; i < 1000; i++) {
            String cli = CliAllocator.drawFrom(List.of(big), c -> true).orElseThrow();
            assertThat(Long.parseLong(cli.substring(1))).isBetween(442079460000L, 442079469999L);
        }
    }

    @Test
    void drawsUniformlyAcrossRangesByTheirSize() {
        var a = new PoolRange("rg_a", "pl", 100, 199);
        var b = new PoolRange("rg_b", "pl", 1000, 1299);
        Map<String, Integer> hits = new HashMap<>();
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            long n = Long.parseLong(CliAllocator.drawFrom(List.of(a, b), c -> true).orElseThrow().substring(1));
            hits.merge(n < 1000 ? "a" : "b", 1, Integer::sum);
        }
        // a holds a quarter of the numbers: expect 10 000 hits, allow six standard deviations (~520)
        assertThat(hits.get("a")).isBetween(9_480, 10_520);
    }

    @Test
    void neverGivesACliTheCallerMayNotReuse() {
        var tiny = new PoolRange("rg_t", "pl", 500, 501);

        for (int i = 0; i < 200; i++) {
            assertThat(CliAllocator.drawFrom(List.of(tiny), c -> !c.equals("+500"))).contains("+501");
        }
        assertThat(CliAllocator.drawFrom(List.of(tiny), c -> false)).isEmpty();
    }

    @Test
    void noNumbersNoCli() {
        assertThat(CliAllocator.drawFrom(List.of(), c -> true)).isEmpty();
    }
}
