package dev.ringproof.routing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProviderHealthTest {

    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final ProviderHealth health = new ProviderHealth(
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            },
            3,
            Duration.ofSeconds(30));

    @Test
    void opensAfterThreeFailuresInARowAndStaysOpenForItsTime() {
        health.failed("a");
        health.failed("a");
        assertThat(health.admits("a")).isTrue();
        health.failed("a");
        assertThat(health.admits("a")).isFalse();
        now = now.plusSeconds(29);
        assertThat(health.admits("a")).isFalse();
        assertThat(health.states().get("a").open()).isTrue();
        assertThat(health.states().get("a").errorRate()).isEqualTo(1.0);
    }

    @Test
    void afterTheOpenTimeOneTrialDecides() {
        failThrice();
        now = now.plusSeconds(31);
        assertThat(health.admits("a")).isTrue();
        assertThat(health.admits("a")).as("a second send while the trial runs").isFalse();
        health.failed("a");
        assertThat(health.admits("a")).isFalse();
        now = now.plusSeconds(31);
        assertThat(health.admits("a")).isTrue();
        health.succeeded("a");
        assertThat(health.admits("a")).isTrue();
        assertThat(health.admits("a")).isTrue();
        assertThat(health.states().get("a").open()).isFalse();
    }

    @Test
    void aSuccessBetweenFailuresKeepsItClosed() {
        health.failed("a");
        health.failed("a");
        health.succeeded("a");
        health.failed("a");
        health.failed("a");
        assertThat(health.admits("a")).isTrue();
        assertThat(health.states().get("a").errorRate()).isEqualTo(0.8);
    }

    private void failThrice() {
        health.failed("a");
        health.failed("a");
        health.failed("a");
    }
}
