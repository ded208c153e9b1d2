package dev.ringproof.webhook.boundary;

import dev.ringproof.platform.boundary.OutboxRows;
import dev.ringproof.platform.control.Messaging;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * Takes webhook deliveries off their queue. No transaction: the HTTP call must not hold
 * one; the message is acknowledged after the attempt and its outcome are recorded. A message
 * without its outbox row (forged on the broker, or consumed before) is dropped.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = WebhookEvents.QUEUE_NAME),
            // the broker user that bin/harden-broker generated
            @ActivationConfigProperty(propertyName = "userName", propertyValue = Messaging.BROKER_USER),
            @ActivationConfigProperty(propertyName = "password", propertyValue = Messaging.BROKER_PASSWORD),
            @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "50"),
            @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryInterval", propertyValue = "1000")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(WebhookListener.class.getName());

    @EJB
    WebhookDeliveries deliveries;

    @EJB
    OutboxRows outbox;

    @Override
    public void onMessage(Message message) {
        try {
            var map = (MapMessage) message;
            String outboxId = map.getString(OutboxRows.ID_FIELD);
            if (!outbox.pending(outboxId)) {
                LOG.info("Ignored a webhook message that no outbox row awaits (forged, or consumed before)");
                return;
            }
            deliveries.deliver(map.getString("event_id"));
            outbox.consumed(outboxId);
        } catch (JMSException | ClassCastException e) {
            throw new IllegalStateException("unreadable webhook message", e);
        }
    }
}
