package dev.ringproof.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.ratelimit.boundary.RateLimitExceeded;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WidgetLimitsTest {

    private static final Instant NOON = Instant.parse("2026-11-29T12:00:00Z");

    private final WidgetLimits limits = limits(3, 2);

    private static WidgetLimits limits(int perKey, int perAddress) {
        var limits = new WidgetLimits();
        limits.perKeyPerMinute = perKey;
        limits.perAddressPerHour = perAddress;
        limits.ipv6PrefixLength = 64;
        limits.readSettings();
        return limits;
    }

    @Test
    void oneBrowserAddressGetsItsStartsAnHourWhateverTheKey() {
        limits.admit("key_a", "203.0.113.7", NOON);
        limits.admit("key_b", "203.0.113.7", NOON.plusSeconds(10));
        assertThatThrownBy(() -> limits.admit("key_c", "203.0.113.7", NOON.plusSeconds(20)))
                .isInstanceOfSatisfying(RateLimitExceeded.class, e -> {
                    assertThat(e.policyId()).isEqualTo("widget_address");
                    assertThat(e.retryAfterSeconds()).isEqualTo(3600 - 20);
                });
        limits.admit("key_c", "203.0.113.8", NOON.plusSeconds(30));
        limits.admit("key_c", "203.0.113.7", NOON.plusSeconds(3600));
    }

    @Test
    void anIpv6BrowserCountsByItsNetwork() {
        limits.admit("key_a", "2001:db8:1:2::1", NOON);
        limits.admit("key_a", "2001:db8:1:2::ffff", NOON);
        assertThatThrownBy(() -> limits.admit("key_b", "2001:db8:1:2:aaaa::1", NOON))
                .isInstanceOf(RateLimitExceeded.class);
    }

    @Test
    void oneKeyGetsItsStartsAMinuteFromAnyAddresses() {
        limits.admit("key_a", "203.0.113.1", NOON);
        limits.admit("key_a", "203.0.113.2", NOON);
        limits.admit("key_a", "203.0.113.3", NOON);
        assertThatThrownBy(() -> limits.admit("key_a", "203.0.113.4", NOON.plusSeconds(59)))
                .isInstanceOfSatisfying(
                        RateLimitExceeded.class, e -> assertThat(e.policyId()).isEqualTo("widget_key"));
        limits.admit("key_a", "203.0.113.4", NOON.plusSeconds(60));
    }
}
