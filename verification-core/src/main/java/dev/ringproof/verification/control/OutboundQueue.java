package dev.ringproof.verification.control;

import dev.ringproof.platform.control.Outbox;
import dev.ringproof.telephony.boundary.OutboundMessage;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Hands an attempt to telephony-ejb as a persistent JMS message, through the outbox of the
 * caller's transaction: nothing is dialled for a verification that rolls back, and nothing
 * recorded is lost to a crash.
 */
@Dependent
public class OutboundQueue {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public void send(OutboundMessage outbound) {
        outbox.put(OutboundMessage.QUEUE_NAME, outbound.toFields(), OffsetDateTime.now(clock));
    }
}
