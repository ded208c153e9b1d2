package dev.ringproof.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.platform.control.CountingRegistry;
import org.junit.jupiter.api.Test;

class WebhookCountersTest {

    private final CountingRegistry metrics = new CountingRegistry();
    private final WebhookCounters counters = new WebhookCounters();

    @Test
    void onlyA2xxAnswerCountsAsDelivered() {
        counters.registry = metrics.registry();

        for (int status : new int[] {200, 204, 299, 199, 301, 404, 500}) {
            counters.answered(status);
        }
        counters.count("timed_out");

        assertThat(metrics.counts())
                .containsExactly(
                        java.util.Map.entry("ringproof.webhook.deliveries{outcome=delivered}", 3L),
                        java.util.Map.entry("ringproof.webhook.deliveries{outcome=rejected}", 4L),
                        java.util.Map.entry("ringproof.webhook.deliveries{outcome=timed_out}", 1L));
    }
}
