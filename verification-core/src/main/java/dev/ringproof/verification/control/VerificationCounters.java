package dev.ringproof.verification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts verifications started, approved, failed, expired and canceled, and fallbacks fired, by
 * channel and country, once the transaction that did it has committed: a rolled back step is not
 * counted.
 */
@ApplicationScoped
public class VerificationCounters {

    public static final String STARTED = "ringproof.verifications.started";
    public static final String ENDED = "ringproof.verifications.ended";
    public static final String FALLBACKS = "ringproof.verifications.fallbacks";

    @Inject
    MetricRegistry registry;

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) VerificationMoved moved) {
        var channel = new Tag("channel", moved.channel());
        var country = new Tag("country", moved.country());
        switch (moved.step()) {
            case "started" -> registry.counter(STARTED, channel, country).inc();
            case "fallback" -> registry.counter(FALLBACKS, channel, country).inc();
            default ->
                registry.counter(ENDED, new Tag("outcome", moved.step()), channel, country)
                        .inc();
        }
    }
}
