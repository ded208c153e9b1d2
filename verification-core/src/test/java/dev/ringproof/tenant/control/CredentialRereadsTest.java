package dev.ringproof.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When a key or tenant must be read from the database again rather than trusted from the cache. */
class CredentialRereadsTest {

    private final MovableClock clock = new MovableClock();
    private final CredentialRereads rereads = new CredentialRereads(clock);

    @Test
    void aKeyIsReadFromTheDatabaseFirstThenAtMostEveryTenSeconds() {
        assertThat(rereads.due("ak_1")).isTrue();
        assertThat(rereads.due("ak_1")).isFalse();

        clock.advance(Duration.ofSeconds(9));
        assertThat(rereads.due("ak_1")).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(rereads.due("ak_1")).as("10 s after it was read").isTrue();
        assertThat(rereads.due("ak_1")).isFalse();
    }

    @Test
    void eachIdHasItsOwnClock() {
        assertThat(rereads.due("ak_1")).isTrue();
        clock.advance(Duration.ofSeconds(6));
        assertThat(rereads.due("tn_1")).isTrue();
        clock.advance(Duration.ofSeconds(4));

        assertThat(rereads.due("ak_1")).isTrue();
        assertThat(rereads.due("tn_1")).isFalse();
    }

    @Test
    void anIdThatNamedNothingIsForgottenAndReadAgainNextTime() {
        assertThat(rereads.due("ak_made_up")).isTrue();
        rereads.forget("ak_made_up");

        assertThat(rereads.due("ak_made_up")).isTrue();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-29T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
