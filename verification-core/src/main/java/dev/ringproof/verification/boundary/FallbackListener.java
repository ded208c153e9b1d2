package dev.ringproof.verification.boundary;

import dev.ringproof.platform.boundary.OutboxRows;
import dev.ringproof.platform.control.Messaging;
import dev.ringproof.verification.control.FallbackTimer;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Fires the fallback and expiry timers. The message is consumed in the transaction that
 * moves the verification on, so a crash before commit redelivers it and one after commit
 * never sees it again: exactly once.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.FALLBACK_QUEUE_NAME),
    // a transient failure (a lock timeout in a burst) must not send the message to the dead-message queue
    @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "50"),
    @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryInterval", propertyValue = "1000")
})
public class FallbackListener implements MessageListener {

    @Inject
    Verifications verifications;

    @Inject
    OutboxRows outbox;

    @Override
    public void onMessage(Message message) {
        try {
            var map = (MapMessage) message;
            verifications.timerFired(FallbackTimer.Kind.valueOf(map.getString(FallbackTimer.KIND)),
                    map.getString(FallbackTimer.VERIFICATION), map.getInt(FallbackTimer.ATTEMPT_SEQ));
            outbox.consumed(map.getString(OutboxRows.ID_FIELD));
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable timer message", e);
        }
    }
}
