package dev.ringproof.platform.entity;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * A JMS message from its state change until its consumer has acted on it: queue, map
 * payload as JSON, when to deliver, when it was last relayed.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    /** Json.create… looks the provider up with a ServiceLoader on every call: slow on Payara's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Id
    private String id;

    private String queue;
    private String payload;

    @Column(name = "deliver_at")
    private OffsetDateTime deliverAt;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "relayed_at")
    private OffsetDateTime relayedAt;

    protected OutboxMessage() {
        // for JPA
    }

    /** {@code relayedAt} is null for a message kept back, or when it is to be relayed once the row commits. */
    public OutboxMessage(
            String id,
            String queue,
            String payload,
            OffsetDateTime deliverAt,
            OffsetDateTime createdAt,
            OffsetDateTime relayedAt) {
        this.id = id;
        this.queue = queue;
        this.payload = payload;
        this.deliverAt = deliverAt;
        this.createdAt = createdAt;
        this.relayedAt = relayedAt;
    }

    public String id() {
        return id;
    }

    public String queue() {
        return queue;
    }

    public String payload() {
        return payload;
    }

    public OffsetDateTime deliverAt() {
        return deliverAt;
    }

    /** The payload's fields: String, Integer or Boolean values, as they were put. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        try (var reader = JSON.createReader(new StringReader(payload))) {
            reader.readObject().forEach((key, value) -> {
                if (value instanceof JsonString text) {
                    fields.put(key, text.getString());
                } else if (value instanceof JsonNumber number) {
                    fields.put(key, number.intValueExact());
                } else {
                    fields.put(key, value == JsonValue.TRUE);
                }
            });
        }
        return fields;
    }
}
