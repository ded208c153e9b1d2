package dev.ringproof.routing.boundary;

import dev.ringproof.routing.control.Dispatcher;
import dev.ringproof.telephony.boundary.OutboundMessage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Sends an outbound message now, in a transaction of its own, at most once: the way in for a
 * caller that holds the message already (the outbox relay, straight after the start commits) rather
 * than receiving it from the broker ({@link OutboundListener}). Both ways claim the attempt in the
 * same table, so a message that takes both (the relay's sweep after a crash) is sent once. An
 * enterprise bean, so that the send runs in telephony-ejb's naming context (its persistence unit)
 * whatever module's thread calls it.
 */
@Stateless
public class OutboundSends {

    @Inject
    Dispatcher dispatcher;

    public void send(OutboundMessage sealed) {
        dispatcher.dispatch(sealed);
    }
}
