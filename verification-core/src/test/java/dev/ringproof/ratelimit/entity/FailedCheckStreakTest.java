package dev.ringproof.ratelimit.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailedCheckStreakTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 28, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void liveAndTestTrafficOfOneNumberKeepStreaksOfTheirOwn() {
        assertThat(FailedCheckStreak.subjectOf("+447700900123", false)).isEqualTo("live:+447700900123");
        assertThat(FailedCheckStreak.subjectOf("+447700900123", true)).isEqualTo("test:+447700900123");
    }

    @Test
    void the100thWrongCodeInARowLocksTheNumber() {
        var streak = new FailedCheckStreak("live:+447700900123", T0);
        for (int i = 0; i < 99; i++) {
            streak.failed(T0.plusSeconds(i));
        }
        assertThat(streak.locks(T0.plusSeconds(100))).isFalse();

        streak.failed(T0.plusSeconds(99));

        assertThat(streak.failures()).isEqualTo(100);
        assertThat(streak.locks(T0.plusSeconds(100))).isTrue();
        assertThat(streak.retryAfterSeconds(T0.plusSeconds(100))).isEqualTo(24 * 3600 - 1);
    }

    @Test
    void theLockEndsADayAfterTheLastWrongCodeAndTheStreakStartsAgain() {
        var streak = lockedAt(T0);
        var dayLater = T0.plus(FailedCheckStreak.LOCKOUT);

        assertThat(streak.locks(dayLater.minusSeconds(1))).isTrue();
        assertThat(streak.locks(dayLater)).isFalse();
        streak.failed(dayLater);
        assertThat(streak.failures()).isEqualTo(1);
    }

    @Test
    void aStreakBelowTheCapAlsoLapsesAfterAQuietDay() {
        var streak = new FailedCheckStreak("live:+447700900123", T0);
        streak.failed(T0);
        streak.failed(T0.plusMinutes(1));

        streak.failed(T0.plusMinutes(1).plus(FailedCheckStreak.LOCKOUT));

        assertThat(streak.failures()).isEqualTo(1);
    }

    private static FailedCheckStreak lockedAt(OffsetDateTime at) {
        var streak = new FailedCheckStreak("live:+447700900123", at);
        for (int i = 0; i < FailedCheckStreak.CAP; i++) {
            streak.failed(at);
        }
        return streak;
    }
}
