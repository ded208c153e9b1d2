package dev.ringproof.user.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AddressFailuresTest {

    private static final SignInRules RULES = SignInRules.DEFAULTS;
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-28T10:00:00Z");

    @Test
    void aHundredFailuresInTenMinutesRefuseTheAddressUntilTheWindowEnds() {
        var from = new AddressFailures("192.0.2.7", T0);
        for (int i = 0; i < 99; i++) {
            from.fail(T0.plusSeconds(i), RULES);
        }
        assertThat(from.refusedFor(T0.plusSeconds(99), RULES)).isEmpty();

        from.fail(T0.plusSeconds(99), RULES);

        assertThat(from.refusedFor(T0.plusSeconds(100), RULES)).isEqualTo(OptionalLong.of(500));
        assertThat(from.refusedFor(T0.plusSeconds(600), RULES)).isEmpty();
    }

    @Test
    void aNewWindowStartsCountingAfresh() {
        var from = new AddressFailures("192.0.2.7", T0);
        for (int i = 0; i < 99; i++) {
            from.fail(T0, RULES);
        }

        from.fail(T0.plusMinutes(10), RULES);

        assertThat(from.failures()).isEqualTo(1);
        assertThat(from.refusedFor(T0.plusMinutes(10), RULES)).isEmpty();
    }

    @Test
    void keysAreBoundedAndNeverEmpty() {
        assertThat(AddressFailures.key(null)).isEqualTo("unknown");
        assertThat(AddressFailures.key("")).isEqualTo("unknown");
        assertThat(AddressFailures.key("2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(AddressFailures.key("f".repeat(100))).hasSize(AddressFailures.MAX_ADDRESS_LENGTH);
    }
}
