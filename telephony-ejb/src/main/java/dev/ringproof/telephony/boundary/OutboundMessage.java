package dev.ringproof.telephony.boundary;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;

/**
 * What verification-core hands to telephony, as a persistent JMS message on the outbound
 * queue, sent in the transaction that records the attempt. {@code attemptId} makes a
 * redelivered message recognisable.
 */
public record OutboundMessage(String attemptId, String tenantId, String channel, String to, String from,
                              String text, boolean test) {

    public static final String QUEUE_NAME = "RingproofOutbound";

    public void writeTo(MapMessage message) throws JMSException {
        message.setString("attempt_id", attemptId);
        message.setString("tenant_id", tenantId);
        message.setString("channel", channel);
        message.setString("to", to);
        message.setString("from", from);
        message.setString("text", text);
        message.setBoolean("test", test);
    }

    public static OutboundMessage readFrom(MapMessage message) throws JMSException {
        return new OutboundMessage(message.getString("attempt_id"), message.getString("tenant_id"),
                message.getString("channel"),
                message.getString("to"), message.getString("from"), message.getString("text"),
                message.getBoolean("test"));
    }

    @Override
    public String toString() {
        // never the CLI, the text (it holds the code) or the whole number
        return "OutboundMessage[" + attemptId + ", " + channel + "]";
    }
}
