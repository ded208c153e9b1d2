package dev.ringproof.verification.boundary;

import dev.ringproof.platform.boundary.OutboxRows;
import dev.ringproof.platform.control.Messaging;
import dev.ringproof.verification.control.FallbackTimer;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Fires the fallback and expiry timers. The listener has no transaction: the firing and the
 * deletion of the timer's outbox row commit together in {@link Verifications#timerFired}, and
 * the broker message is acknowledged after that. A crash in between redelivers the message,
 * and the redelivered timer finds its attempt no longer current (or the verification closed)
 * and does nothing: the fallback happens exactly once. (Consumed in a container transaction,
 * every firing was a two-phase commit across the broker and the database, written to the
 * server's transaction log, which Payara 6.2025.9 leaks: 64 KB of heap per log extent, issue
 * payara/Payara#7849, until a -Xmx512m server spent its time in GC.)
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.FALLBACK_QUEUE_NAME),
            // the broker user that bin/harden-broker generated
            @ActivationConfigProperty(propertyName = "userName", propertyValue = Messaging.BROKER_USER),
            @ActivationConfigProperty(propertyName = "password", propertyValue = Messaging.BROKER_PASSWORD),
            // a transient failure (a lock timeout in a burst) must not send the message to the dead-message queue
            @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "50"),
            @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryInterval", propertyValue = "1000")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FallbackListener implements MessageListener {

    @EJB
    Verifications verifications;

    @Override
    public void onMessage(Message message) {
        try {
            var map = (MapMessage) message;
            verifications.timerFired(
                    FallbackTimer.Kind.valueOf(map.getString(FallbackTimer.KIND)),
                    map.getString(FallbackTimer.VERIFICATION),
                    map.getInt(FallbackTimer.ATTEMPT_SEQ),
                    map.getString(OutboxRows.ID_FIELD));
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable timer message", e);
        }
    }
}
