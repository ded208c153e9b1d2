package dev.ringproof.ratelimit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the starts and checks the rate limits and fraud guards turn away, by action (start,
 * check) and reason: deny_list, blocked_range, spend_cap, rate_limit, range_watch,
 * failed_check_cap. Counted when refused, whatever becomes of the transaction (a refusal rolls it back).
 */
@ApplicationScoped
public class RefusalCounters {

    public static final String REFUSALS = "ringproof.refusals";

    @Inject
    MetricRegistry registry;

    public void refused(String action, String reason) {
        registry.counter(REFUSALS, new Tag("action", action), new Tag("reason", reason))
                .inc();
    }
}
