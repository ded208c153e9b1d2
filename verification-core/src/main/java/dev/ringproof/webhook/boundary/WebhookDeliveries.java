package dev.ringproof.webhook.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.webhook.control.TargetGuard;
import dev.ringproof.webhook.control.TenantBulkhead;
import dev.ringproof.webhook.control.WebhookSigner;
import dev.ringproof.webhook.entity.WebhookDelivery;
import dev.ringproof.webhook.entity.WebhookEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers webhook events the Standard Webhooks way: signed, with a timeout, outside any
 * transaction (a slow receiver holds no database connection), each attempt logged.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDeliveries {

    static final Duration BUSY_RETRY = Duration.ofSeconds(5);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    WebhookAttempts attempts;

    @Inject
    TenantBulkhead bulkhead;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "webhook.timeout", defaultValue = "PT15S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "webhook.allow-private-targets", defaultValue = "false")
    boolean allowPrivateTargets;

    public void deliver(String eventId) {
        var event = em.find(WebhookEvent.class, eventId);
        if (event == null) {
            return;
        }
        if (!bulkhead.tryEnter(event.tenantId())) {
            attempts.later(eventId, BUSY_RETRY);
            return;
        }
        try {
            attempts.begin(eventId).ifPresent(this::send);
        } finally {
            bulkhead.leave(event.tenantId());
        }
    }

    /** Delivers an event again from its first attempt, e.g. after the receiver was fixed. */
    public void replay(String eventId) {
        if (eventId == null || !attempts.replay(eventId)) {
            throw Refusal.notFound("webhook event");
        }
    }

    public List<WebhookDelivery> of(String tenantId, int offset, int limit) {
        return em.createNamedQuery(WebhookDelivery.OF_TENANT, WebhookDelivery.class).setParameter("tenant", tenantId)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** One line of a tenant's delivery log: an attempt, its event's type, and when the event is tried next. */
    public record LogLine(WebhookDelivery delivery, String eventType, OffsetDateTime nextAttemptAt) {
    }

    /**
     * A tenant's attempts, newest first, with their events: the next attempt is shown beside
     * the latest attempt of an event that is still pending.
     */
    public List<LogLine> log(String tenantId, int offset, int limit) {
        return em.createNamedQuery(WebhookDelivery.LOG_OF_TENANT, Object[].class).setParameter("tenant", tenantId)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(row -> {
                    var delivery = (WebhookDelivery) row[0];
                    var event = (WebhookEvent) row[1];
                    boolean latest = "pending".equals(event.state()) && delivery.attempt() == event.attempts();
                    return new LogLine(delivery, event.type(), latest ? event.nextAttemptAt() : null);
                }).toList();
    }

    private void send(WebhookAttempts.Attempt attempt) {
        var refusal = TargetGuard.refusal(attempt.url(), allowPrivateTargets || attempt.allowPrivate());
        if (refusal.isPresent()) {
            attempts.finish(attempt, null, "target refused: " + refusal.get(), 0);
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        String signatures = attempt.secrets().stream()
                .map(secret -> WebhookSigner.sign(secret, attempt.eventId(), timestamp, attempt.body()))
                .collect(Collectors.joining(" "));
        var request = HttpRequest.newBuilder(URI.create(attempt.url())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Ringproof-Webhooks/1")
                .header("webhook-id", attempt.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures)
                .POST(HttpRequest.BodyPublishers.ofString(attempt.body())).build();
        long started = System.nanoTime();
        try {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            attempts.finish(attempt, status, null, elapsedMillis(started));
        } catch (IOException e) {
            attempts.finish(attempt, null, e instanceof java.net.http.HttpTimeoutException ? "timed out"
                    : "no answer", elapsedMillis(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempts.finish(attempt, null, "interrupted", elapsedMillis(started));
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
