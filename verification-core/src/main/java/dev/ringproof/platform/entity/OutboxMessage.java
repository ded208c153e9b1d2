package dev.ringproof.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A JMS message from its state change until its consumer has acted on it: queue, map
 * payload as JSON, when to deliver, when it was last relayed.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

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
}
