package dev.ringproof.verification.control;

import dev.ringproof.platform.boundary.OutboxRows;
import dev.ringproof.platform.control.Outbox;
import dev.ringproof.sealing.control.Seals;
import dev.ringproof.telephony.boundary.OutboundMessage;
import dev.ringproof.telephony.boundary.OutboundOrigin;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Hands an attempt to telephony-ejb as a persistent JMS message, through the outbox of the
 * caller's transaction: nothing is dialled for a verification that rolls back, and nothing
 * recorded is lost to a crash. The caller number and the text (the code) are sealed before
 * the message is stored: neither the outbox row nor the broker's store holds them in clear.
 * Telephony sends only what it can take from the outbox.
 */
@Dependent
public class OutboundQueue implements OutboundOrigin {

    @Inject
    Outbox outbox;

    @Inject
    Seals seals;

    @EJB
    OutboxRows rows;

    @Inject
    Clock clock;

    public void send(OutboundMessage outbound) {
        outbox.put(OutboundMessage.QUEUE_NAME, outbound.sealed(seals.outbound()).toFields(), OffsetDateTime.now(clock));
    }

    @Override
    public boolean take(String outboxId) {
        return rows.consumed(outboxId);
    }
}
