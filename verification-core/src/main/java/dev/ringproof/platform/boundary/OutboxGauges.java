package dev.ringproof.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The outbox's backlog as two gauges, read from the table at each scrape: the rows due and not
 * yet consumed, and the age of the oldest of them. A growing age means the relay or a consumer is stuck.
 */
@Singleton
@Startup
public class OutboxGauges {

    public static final String BACKLOG = "ringproof.outbox.backlog";
    public static final String OLDEST_AGE = "ringproof.outbox.oldest.age";

    @Inject
    MetricRegistry registry;

    @EJB
    OutboxRows outbox;

    @PostConstruct
    void register() {
        registry.gauge(
                Metadata.builder()
                        .withName(BACKLOG)
                        .withDescription("Outbox rows due and not yet consumed")
                        .build(),
                outbox,
                rows -> rows.backlog().rows());
        registry.gauge(
                Metadata.builder()
                        .withName(OLDEST_AGE)
                        .withDescription("How long the oldest due outbox row has waited")
                        .withUnit(MetricUnits.SECONDS)
                        .build(),
                outbox,
                rows -> rows.backlog().oldestAgeSeconds());
    }
}
