package dev.ringproof.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.ratelimit.control.ClosedMinutes.Sums;
import dev.ringproof.ratelimit.control.PrefixTraffic.Stats;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The closed minutes' sums are read once a minute per prefix and world, and again when its oldest row changed. */
class ClosedMinutesTest {

    private static final OffsetDateTime MINUTE = OffsetDateTime.parse("2026-11-30T12:00:00Z");
    private static final Instant OLDEST = Instant.parse("2026-11-29T10:00:00Z");

    private final ClosedMinutes closed = new ClosedMinutes();
    private final AtomicInteger reads = new AtomicInteger();

    private Supplier<Sums> read(long starts, Instant oldest) {
        return () -> {
            reads.incrementAndGet();
            return new Sums(new Stats(starts, starts, starts, 0), oldest);
        };
    }

    @Test
    void readsOnceAMinuteForEachPrefixAndWorld() {
        assertThat(closed.of("+44740", false, MINUTE, OLDEST, read(5, OLDEST)).recentStarts())
                .isEqualTo(5);
        assertThat(closed.of("+44740", false, MINUTE, OLDEST, read(6, OLDEST)).recentStarts())
                .as("kept for the minute")
                .isEqualTo(5);
        assertThat(reads).hasValue(1);

        assertThat(closed.of("+44740", true, MINUTE, OLDEST, read(7, OLDEST)).recentStarts())
                .as("test traffic apart")
                .isEqualTo(7);
        assertThat(closed.of("+44741", false, MINUTE, OLDEST, read(8, OLDEST)).recentStarts())
                .isEqualTo(8);
        assertThat(closed.of("+44740", false, MINUTE.plusMinutes(1), OLDEST, read(9, OLDEST))
                        .recentStarts())
                .as("the next minute")
                .isEqualTo(9);
        assertThat(reads).hasValue(4);
    }

    @Test
    void readsAgainWhenThePrefixsOldestRowIsAnotherOrWhenForgotten() {
        closed.of("+44740", false, MINUTE, OLDEST, read(5, OLDEST));
        var later = OLDEST.plusSeconds(3600);
        assertThat(closed.of("+44740", false, MINUTE, later, read(3, later)).recentStarts())
                .as("older rows dropped (retention), or the traffic forgotten on another server")
                .isEqualTo(3);
        assertThat(closed.of("+44740", false, MINUTE, null, read(0, null)).recentStarts())
                .as("no rows left")
                .isZero();
        assertThat(closed.of("+44740", false, MINUTE, null, read(1, null)).recentStarts())
                .isZero();
        assertThat(reads).hasValue(3);

        closed.forget("+44740", false);
        assertThat(closed.of("+44740", false, MINUTE, null, read(2, null)).recentStarts())
                .as("forgotten here")
                .isEqualTo(2);
        assertThat(reads).hasValue(4);
    }

    @Test
    void keepsNoMoreThanItsMostPrefixes() {
        for (int i = 0; i < ClosedMinutes.MOST_PREFIXES + 1; i++) {
            closed.of("+4" + i, false, MINUTE, OLDEST, read(1, OLDEST));
        }
        closed.of("+40", false, MINUTE, OLDEST, read(1, OLDEST));
        assertThat(reads)
                .as("the first prefix dropped with all the others when the last came")
                .hasValue(ClosedMinutes.MOST_PREFIXES + 2);
    }
}
