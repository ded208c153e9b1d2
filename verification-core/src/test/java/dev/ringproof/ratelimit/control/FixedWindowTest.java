package dev.ringproof.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FixedWindowTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-25T10:17:42.300Z");

    @Test
    void hourWindowStartsAtTheFullHour() {
        var window = FixedWindow.around(T, 3600);

        assertThat(window.start()).isEqualTo(OffsetDateTime.parse("2026-11-25T10:00:00Z"));
        assertThat(window.end()).isEqualTo(OffsetDateTime.parse("2026-11-25T11:00:00Z"));
    }

    @Test
    void sameInstantInAnotherOffsetFallsIntoTheSameWindow() {
        var inBerlin = T.withOffsetSameInstant(ZoneOffset.ofHours(1));

        assertThat(FixedWindow.around(inBerlin, 600).start().toInstant())
                .isEqualTo(FixedWindow.around(T, 600).start().toInstant());
    }

    @Test
    void instantOnTheEdgeBelongsToTheNextWindow() {
        var edge = OffsetDateTime.parse("2026-11-25T11:00:00Z");

        assertThat(FixedWindow.around(edge, 3600).start()).isEqualTo(edge);
    }

    @Test
    void retryAfterRoundsUpAndIsAtLeastOneSecond() {
        var window = FixedWindow.around(T, 60);

        assertThat(window.secondsLeft(T)).isEqualTo(18);
        assertThat(window.secondsLeft(window.end().minusNanos(1_000_000))).isEqualTo(1);
        assertThat(window.secondsLeft(window.end())).isEqualTo(1);
    }

    @Test
    void oddWindowLengthsAlignToTheEpoch() {
        var window = FixedWindow.around(T, 7);

        assertThat(window.start().toEpochSecond() % 7).isZero();
        assertThat(window.end().toEpochSecond() - window.start().toEpochSecond())
                .isEqualTo(7);
        assertThat(window.start()).isBeforeOrEqualTo(T);
        assertThat(window.end()).isAfter(T);
    }

    @Test
    void windowOfZeroSecondsIsRefused() {
        assertThatThrownBy(() -> FixedWindow.around(T, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
