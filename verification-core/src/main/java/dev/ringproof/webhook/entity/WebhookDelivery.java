package dev.ringproof.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One try to deliver an event: what the receiver answered, or why there was no answer, and how long it took. */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(
        name = WebhookDelivery.OF_TENANT,
        query = "select d from WebhookDelivery d, WebhookEvent e"
                + " where d.eventId = e.id and e.tenantId = :tenant order by d.attemptedAt desc, d.id")
@NamedQuery(
        name = WebhookDelivery.LOG_OF_TENANT,
        query = "select d, e from WebhookDelivery d, WebhookEvent e"
                + " where d.eventId = e.id and e.tenantId = :tenant order by d.attemptedAt desc, d.id")
public class WebhookDelivery {

    public static final String OF_TENANT = "WebhookDelivery.ofTenant";
    public static final String LOG_OF_TENANT = "WebhookDelivery.logOfTenant";

    @Id
    private String id;

    @Column(name = "event_id")
    private String eventId;

    private int attempt;

    @Column(name = "status_code")
    private Integer statusCode;

    private String error;

    @Column(name = "latency_ms")
    private long latencyMs;

    @Column(name = "attempted_at")
    private OffsetDateTime attemptedAt;

    protected WebhookDelivery() {
        // for JPA
    }

    public WebhookDelivery(
            String id,
            String eventId,
            int attempt,
            Integer statusCode,
            String error,
            long latencyMs,
            OffsetDateTime attemptedAt) {
        this.id = id;
        this.eventId = eventId;
        this.attempt = attempt;
        this.statusCode = statusCode;
        this.error = error;
        this.latencyMs = latencyMs;
        this.attemptedAt = attemptedAt;
    }

    public String eventId() {
        return eventId;
    }

    public int attempt() {
        return attempt;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public String error() {
        return error;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public OffsetDateTime attemptedAt() {
        return attemptedAt;
    }
}
