package dev.ringproof.verification.control;

import dev.ringproof.platform.control.Messaging;
import dev.ringproof.telephony.boundary.OutboundMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;

/**
 * Hands an attempt to telephony-ejb as a persistent JMS message in the caller's
 * transaction: nothing is dialled for a verification that rolls back.
 */
@Dependent
public class OutboundQueue {

    @Inject
    @JMSConnectionFactory(Messaging.CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = Messaging.OUTBOUND_QUEUE)
    Queue queue;

    public void send(OutboundMessage outbound) {
        var message = jms.createMapMessage();
        try {
            outbound.writeTo(message);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot write the outbound message", e);
        }
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(queue, message);
    }
}
