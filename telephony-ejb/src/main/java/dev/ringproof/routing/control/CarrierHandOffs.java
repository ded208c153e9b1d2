package dev.ringproof.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the sends by provider, channel and outcome (accepted, refused, not_sent, unknown), and
 * times each hand-off to a carrier: from the call to the carrier until its answer, by provider and
 * outcome. A send that never reached a carrier (no route, or one an earlier try may have sent) is
 * counted, not timed.
 */
@ApplicationScoped
public class CarrierHandOffs {

    public static final String SENDS = "ringproof.sends";
    public static final String HAND_OFF = "ringproof.send.handoff";

    private static final Metadata HAND_OFF_METADATA = Metadata.builder()
            .withName(HAND_OFF)
            .withDescription("Time from handing a message to a carrier to its answer")
            .withUnit(MetricUnits.SECONDS)
            .build();

    @Inject
    MetricRegistry registry;

    public void counted(String provider, String channel, String outcome) {
        registry.counter(SENDS, new Tag("provider", provider), new Tag("channel", channel), new Tag("outcome", outcome))
                .inc();
    }

    public void handedOff(String provider, String outcome, Duration took) {
        registry.timer(HAND_OFF_METADATA, new Tag("provider", provider), new Tag("outcome", outcome))
                .update(took);
    }
}
