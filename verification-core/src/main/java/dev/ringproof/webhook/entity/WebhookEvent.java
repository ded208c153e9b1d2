package dev.ringproof.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Something a tenant is told about: its type and body are fixed when it happens; deliveries retry it. */
@Entity
@Table(name = "webhook_event")
@NamedQuery(
        name = WebhookEvent.OF_TENANT,
        query = "select e from WebhookEvent e where e.tenantId = :tenant order by e.createdAt desc, e.id")
public class WebhookEvent {

    public static final String OF_TENANT = "WebhookEvent.ofTenant";

    @Id
    private String id;

    @Column(name = "tenant_id")
    private String tenantId;

    private String type;
    private String payload;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Convert(converter = DeliveryState.Column.class)
    private DeliveryState state;

    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    protected WebhookEvent() {
        // for JPA
    }

    public WebhookEvent(String id, String tenantId, String type, String payload, OffsetDateTime createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
        this.state = DeliveryState.PENDING;
    }

    /** Counts a delivery attempt and answers its number. */
    public int attempted() {
        return ++attempts;
    }

    public void delivered() {
        state = DeliveryState.DELIVERED;
        nextAttemptAt = null;
    }

    public void failed() {
        state = DeliveryState.FAILED;
        nextAttemptAt = null;
    }

    /** When the next delivery attempt is due (the outbox holds the message itself). */
    public void nextAttemptAt(OffsetDateTime due) {
        nextAttemptAt = due;
    }

    public void retryFromScratch() {
        state = DeliveryState.PENDING;
        attempts = 0;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String type() {
        return type;
    }

    public String payload() {
        return payload;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public DeliveryState state() {
        return state;
    }

    public boolean isPending() {
        return state == DeliveryState.PENDING;
    }

    public int attempts() {
        return attempts;
    }

    /** When the next attempt is due, while the event is pending and one is scheduled; else null. */
    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }
}
