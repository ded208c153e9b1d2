package dev.ringproof.routing.boundary;

import dev.ringproof.routing.control.Dispatcher;
import dev.ringproof.telephony.boundary.OutboundMessage;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * Takes calls, SMS and voice messages off the outbound queue and hands them to a carrier.
 * No container transaction: {@link Dispatcher#dispatch} runs in one of its own (the claim,
 * the send's report and the outbox row's deletion commit together), and the message is
 * acknowledged after it; a redelivery finds the attempt claimed and sends nothing. This keeps
 * the broker out of a two-phase commit (see FallbackListener).
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = OutboundMessage.QUEUE_NAME),
            // the broker user that bin/harden-broker generated (Messaging.BROKER_USER in verification-core)
            @ActivationConfigProperty(propertyName = "userName", propertyValue = OutboundMessage.BROKER_USER),
            @ActivationConfigProperty(propertyName = "password", propertyValue = OutboundMessage.BROKER_PASSWORD),
            // a transient failure (a lock timeout in a burst) must not send the message to the dead-message queue
            @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "50"),
            @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryInterval", propertyValue = "1000")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboundListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(OutboundListener.class.getName());

    @Inject
    Dispatcher dispatcher;

    @Override
    public void onMessage(Message message) {
        if (!(message instanceof MapMessage map)) {
            LOG.warning("Ignored an outbound message of an unexpected type");
            return;
        }
        try {
            dispatcher.dispatch(OutboundMessage.readFrom(map));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable outbound message", e);
        }
    }
}
