package dev.ringproof.verification.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.platform.control.CountingRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationCountersTest {

    private final CountingRegistry metrics = new CountingRegistry();
    private final VerificationCounters counters = new VerificationCounters();

    @Test
    void startsFallbacksAndEndingsGoToTheirOwnCountersByChannelAndCountry() {
        counters.registry = metrics.registry();

        counters.count(new VerificationMoved("started", "missed_call", "GB"));
        counters.count(new VerificationMoved("started", "missed_call", "GB"));
        counters.count(new VerificationMoved("fallback", "sms", "GB"));
        counters.count(new VerificationMoved("approved", "sms", "GB"));
        counters.count(new VerificationMoved("expired", "missed_call", "DE"));

        assertThat(metrics.counts())
                .containsExactly(
                        Map.entry("ringproof.verifications.ended{channel=missed_call,country=DE,outcome=expired}", 1L),
                        Map.entry("ringproof.verifications.ended{channel=sms,country=GB,outcome=approved}", 1L),
                        Map.entry("ringproof.verifications.fallbacks{channel=sms,country=GB}", 1L),
                        Map.entry("ringproof.verifications.started{channel=missed_call,country=GB}", 2L));
    }
}
