package dev.ringproof.user.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SignInRulesTest {

    @Test
    void theDefaultsAreTheContracts() {
        var rules = SignInRules.DEFAULTS;

        assertThat(rules.failuresBeforeLockout()).isEqualTo(10);
        assertThat(rules.firstLockout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(rules.maxLockout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(rules.addressFailures()).isEqualTo(100);
        assertThat(rules.addressWindow()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void lockoutsDoubleFromThirtySecondsUpToFifteenMinutes() {
        var rules = SignInRules.DEFAULTS;

        assertThat(java.util.stream.IntStream.rangeClosed(1, 8)
                        .mapToObj(rules::lockout)
                        .map(Duration::toSeconds))
                .containsExactly(30L, 60L, 120L, 240L, 480L, 900L, 900L, 900L);
        assertThat(rules.lockout(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() ->
                        new SignInRules(0, Duration.ofSeconds(30), Duration.ofMinutes(15), 100, Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInRules(
                        10, Duration.ofMinutes(30), Duration.ofMinutes(15), 100, Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new SignInRules(10, Duration.ZERO, Duration.ofMinutes(15), 100, Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignInRules.DEFAULTS.lockout(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
        var now = OffsetDateTime.parse("2026-11-28T10:00:00Z");

        assertThat(SignInRules.secondsUntil(now, now.plus(Duration.ofMillis(29_001))))
                .isEqualTo(30);
        assertThat(SignInRules.secondsUntil(now, now.plusSeconds(30))).isEqualTo(30);
        assertThat(SignInRules.secondsUntil(now, now.plus(Duration.ofMillis(1))))
                .isEqualTo(1);
        assertThat(SignInRules.secondsUntil(now, now)).isEqualTo(1);
    }
}
