package dev.ringproof.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts webhook delivery attempts by outcome: delivered (a 2xx answer), rejected (any other
 * answer), no_answer, timed_out, target_refused (the address failed the target guard).
 */
@ApplicationScoped
public class WebhookCounters {

    public static final String DELIVERIES = "ringproof.webhook.deliveries";

    @Inject
    MetricRegistry registry;

    public void answered(int status) {
        count(status >= 200 && status < 300 ? "delivered" : "rejected");
    }

    public void count(String outcome) {
        registry.counter(DELIVERIES, new Tag("outcome", outcome)).inc();
    }
}
