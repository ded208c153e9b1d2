package dev.ringproof.verification.control;

import dev.ringproof.platform.control.InProcessConsumer;
import dev.ringproof.platform.entity.OutboxMessage;
import dev.ringproof.routing.boundary.OutboundSends;
import dev.ringproof.telephony.boundary.OutboundMessage;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

/**
 * Sends an attempt's call or message on the outbox relay's thread as soon as the start that queued
 * it has committed, without the broker's round trip (a persistent message stored and delivered
 * to a listener). The outbox row stays the durable record: if this send fails or the server dies
 * before it, the sweep relays the row to the outbound queue, and the claim in {@code
 * outbound_send} keeps it sent once. Fallback and expiry timers still go through the broker.
 */
@Dependent
public class FirstSends implements InProcessConsumer {

    @EJB
    OutboundSends sends;

    @Override
    public String queue() {
        return OutboundMessage.QUEUE_NAME;
    }

    @Override
    public void consume(OutboxMessage message) {
        sends.send(OutboundMessage.fromFields(message.fields(), message.id()));
    }
}
