package dev.ringproof.user.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SignInStreakTest {

    private static final SignInRules RULES = SignInRules.DEFAULTS;
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-28T10:00:00Z");

    @Test
    void nineFailuresLockNothingTheTenthLocksForThirtySeconds() {
        var streak = new SignInStreak("ops", T0);
        for (int i = 0; i < 9; i++) {
            streak.fail(T0, RULES);
        }
        assertThat(streak.lockedFor(T0)).isEmpty();

        streak.fail(T0, RULES);

        assertThat(streak.lockedFor(T0)).isEqualTo(OptionalLong.of(30));
        assertThat(streak.lockedFor(T0.plusSeconds(29))).isEqualTo(OptionalLong.of(1));
        assertThat(streak.lockedFor(T0.plusSeconds(30))).isEmpty();
    }

    @Test
    void eachFailureAfterALockoutEndsLocksAgainForTwiceAsLongUpToFifteenMinutes() {
        var streak = new SignInStreak("ops", T0);
        var now = T0;
        for (int i = 0; i < 10; i++) {
            streak.fail(now, RULES);
        }
        long[] expected = {60, 120, 240, 480, 900, 900};
        for (long seconds : expected) {
            now = now.plusSeconds(streak.lockedFor(now).getAsLong());
            assertThat(streak.lockedFor(now)).isEmpty();

            streak.fail(now, RULES);

            assertThat(streak.lockedFor(now)).isEqualTo(OptionalLong.of(seconds));
        }
        assertThat(streak.lockouts()).isEqualTo(7);
    }

    @Test
    void failuresThatRaceALockoutAreCountedButDoNotLengthenIt() {
        var streak = new SignInStreak("ops", T0);
        for (int i = 0; i < 10; i++) {
            streak.fail(T0, RULES);
        }
        for (int i = 0; i < 50; i++) {
            streak.fail(T0.plusSeconds(1), RULES);
        }

        assertThat(streak.failures()).isEqualTo(60);
        assertThat(streak.lockouts()).isEqualTo(1);
        assertThat(streak.lockedFor(T0.plusSeconds(1))).isEqualTo(OptionalLong.of(29));
    }
}
