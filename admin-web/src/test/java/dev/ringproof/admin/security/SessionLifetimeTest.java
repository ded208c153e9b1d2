package dev.ringproof.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionLifetimeTest {

    private static final long MINUTE = 60_000;
    private final SessionLifetime lifetime = new SessionLifetime(Duration.ofMinutes(15), Duration.ofHours(8));

    @Test
    void aSessionEndsFifteenMinutesAfterTheLastUserAction() {
        long created = 1_000_000;
        assertThat(lifetime.over(created, null, created + 14 * MINUTE)).isFalse();
        assertThat(lifetime.over(created, null, created + 16 * MINUTE)).isTrue();
        assertThat(lifetime.over(created, created + 10 * MINUTE, created + 24 * MINUTE))
                .isFalse();
        assertThat(lifetime.over(created, created + 10 * MINUTE, created + 26 * MINUTE))
                .isTrue();
    }

    @Test
    void noActivityKeepsASessionBeyondEightHours() {
        long created = 1_000_000;
        long justNow = created + 8 * 60 * MINUTE;
        assertThat(lifetime.over(created, justNow, justNow + MINUTE)).isTrue();
        assertThat(lifetime.over(created, justNow - MINUTE, justNow - 1)).isFalse();
    }

    @Test
    void onlyTheDashboardsPollIsABackgroundRequest() {
        assertThat(SessionLifetime.isBackgroundPoll("dashboard:traffic-poll")).isTrue();
        assertThat(SessionLifetime.isBackgroundPoll("traffic-poll")).isTrue();
        assertThat(SessionLifetime.isBackgroundPoll("dashboard:save")).isFalse();
        assertThat(SessionLifetime.isBackgroundPoll("dashboard:not-traffic-poll"))
                .isFalse();
        assertThat(SessionLifetime.isBackgroundPoll(null)).isFalse();
    }
}
