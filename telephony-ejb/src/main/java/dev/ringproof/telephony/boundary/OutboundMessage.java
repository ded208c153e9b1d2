package dev.ringproof.telephony.boundary;

import dev.ringproof.sealing.control.Seal;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import java.util.HashMap;
import java.util.Map;

/**
 * What verification-core hands to telephony, as a persistent JMS message on the outbound
 * queue, sent in the transaction that records the attempt. {@code attemptId} makes a
 * redelivered message recognisable. On its way (outbox row, broker store) the caller number
 * and the text, which carry the code, are sealed, each bound to the attempt and its field.
 * {@code country} is null in a message queued before it was carried: telephony then finds it
 * from {@code to}.
 */
public record OutboundMessage(
        String attemptId,
        String tenantId,
        String channel,
        String to,
        String from,
        String text,
        boolean test,
        String country,
        String outboxId) {

    public OutboundMessage(
            String attemptId, String tenantId, String channel, String to, String from, String text, boolean test) {
        this(attemptId, tenantId, channel, to, from, text, test, null, null);
    }

    /** With the ISO country of {@code to}, as the verification found it: telephony routes by it without parsing the number again. */
    public OutboundMessage(
            String attemptId,
            String tenantId,
            String channel,
            String to,
            String from,
            String text,
            boolean test,
            String country) {
        this(attemptId, tenantId, channel, to, from, text, test, country, null);
    }

    public static final String QUEUE_NAME = "RingproofOutbound";
    /** The broker user of the listener, as verification-core's Messaging logs in (MicroProfile Config, Payara expands it). */
    public static final String BROKER_USER = "${MPCONFIG=broker.user:guest}";

    public static final String BROKER_PASSWORD = "${MPCONFIG=broker.password:guest}";

    /** This message with {@code from} and {@code text} sealed, as it is to be stored and queued. */
    public OutboundMessage sealed(Seal seal) {
        return new OutboundMessage(
                attemptId,
                tenantId,
                channel,
                to,
                seal.close(from, boundTo("from")),
                seal.close(text, boundTo("text")),
                test,
                country,
                outboxId);
    }

    /**
     * This message as it is to be sent. A field in clear was queued before sealing existed
     * (an upgrade with messages in flight) and is taken as it is.
     *
     * @throws dev.ringproof.sealing.control.BrokenSeal when a sealed field does not open
     */
    public OutboundMessage opened(Seal seal) {
        return new OutboundMessage(
                attemptId,
                tenantId,
                channel,
                to,
                seal.openOrClear(from, boundTo("from")),
                seal.openOrClear(text, boundTo("text")),
                test,
                country,
                outboxId);
    }

    private String boundTo(String field) {
        return "outbound/" + attemptId + "/" + field;
    }

    /** The fields of the JMS map message; absent values are left out. */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("attempt_id", attemptId);
        fields.put("tenant_id", tenantId);
        fields.put("channel", channel);
        fields.put("to", to);
        fields.put("from", from);
        fields.put("text", text);
        fields.put("test", test);
        fields.put("country", country);
        fields.values().removeIf(java.util.Objects::isNull);
        return fields;
    }

    /** The message of outbox row {@code outboxId}, from its {@link #toFields() fields}. */
    public static OutboundMessage fromFields(Map<String, ?> fields, String outboxId) {
        return new OutboundMessage(
                (String) fields.get("attempt_id"),
                (String) fields.get("tenant_id"),
                (String) fields.get("channel"),
                (String) fields.get("to"),
                (String) fields.get("from"),
                (String) fields.get("text"),
                Boolean.TRUE.equals(fields.get("test")),
                (String) fields.get("country"),
                outboxId);
    }

    public static OutboundMessage readFrom(MapMessage message) throws JMSException {
        return new OutboundMessage(
                message.getString("attempt_id"),
                message.getString("tenant_id"),
                message.getString("channel"),
                message.getString("to"),
                message.getString("from"),
                message.getString("text"),
                message.getBoolean("test"),
                message.getString("country"),
                message.getString("outbox_id"));
    }

    @Override
    public String toString() {
        // never the CLI, the text (it holds the code) or the whole number
        return "OutboundMessage[" + attemptId + ", " + channel + "]";
    }
}
