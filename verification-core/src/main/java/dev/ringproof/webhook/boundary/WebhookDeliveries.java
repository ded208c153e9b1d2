package dev.ringproof.webhook.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.webhook.control.CheckedTarget;
import dev.ringproof.webhook.control.HostLookup;
import dev.ringproof.webhook.control.TargetGuard;
import dev.ringproof.webhook.control.TenantBulkhead;
import dev.ringproof.webhook.control.WebhookCounters;
import dev.ringproof.webhook.control.WebhookPoster;
import dev.ringproof.webhook.control.WebhookSigner;
import dev.ringproof.webhook.entity.WebhookDelivery;
import dev.ringproof.webhook.entity.WebhookEvent;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers webhook events the Standard Webhooks way: signed, with a timeout, outside any
 * transaction (a slow receiver holds no database connection), each attempt logged.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDeliveries {

    static final Duration BUSY_RETRY = Duration.ofSeconds(5);

    /** One connection pool for the application, made with the first delivery's timeout (a setting). */
    private static WebhookPoster poster;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @EJB
    WebhookAttempts attempts;

    @Inject
    TenantBulkhead bulkhead;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "webhook.timeout", defaultValue = "PT15S")
    Duration timeout;

    /** The operator's switch: without it no tenant's webhook reaches a private network, whatever its flag. */
    @Inject
    @ConfigProperty(name = "webhook.allow-private-targets", defaultValue = "false")
    boolean allowPrivateTargets;

    @Inject
    WebhookCounters counters;

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
        return em.createNamedQuery(WebhookDelivery.OF_TENANT, WebhookDelivery.class)
                .setParameter("tenant", tenantId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /** One line of a tenant's delivery log: an attempt, its event's type, and when the event is tried next. */
    public record LogLine(WebhookDelivery delivery, String eventType, OffsetDateTime nextAttemptAt) {}

    /**
     * A tenant's attempts, newest first, with their events: the next attempt is shown beside
     * the latest attempt of an event that is still pending.
     */
    public List<LogLine> log(String tenantId, int offset, int limit) {
        return em
                .createNamedQuery(WebhookDelivery.LOG_OF_TENANT, Object[].class)
                .setParameter("tenant", tenantId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(row -> {
                    var delivery = (WebhookDelivery) row[0];
                    var event = (WebhookEvent) row[1];
                    boolean latest = event.isPending() && delivery.attempt() == event.attempts();
                    return new LogLine(delivery, event.type(), latest ? event.nextAttemptAt() : null);
                })
                .toList();
    }

    private void send(WebhookAttempts.Attempt attempt) {
        CheckedTarget target;
        try {
            target = TargetGuard.check(attempt.url(), allowPrivateTargets && attempt.allowPrivate(), HostLookup.SYSTEM);
        } catch (TargetGuard.Refused refused) {
            attempts.finish(attempt, null, "target refused: " + refused.getMessage(), 0);
            counters.count("target_refused");
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        String signatures = attempt.secrets().stream()
                .map(secret -> WebhookSigner.sign(secret, attempt.eventId(), timestamp, attempt.body()))
                .collect(Collectors.joining(" "));
        var headers = Map.of(
                "User-Agent",
                "Ringproof-Webhooks/1",
                "webhook-id",
                attempt.eventId(),
                "webhook-timestamp",
                Long.toString(timestamp),
                "webhook-signature",
                signatures);
        long started = System.nanoTime();
        try {
            int status = poster().post(target, headers, attempt.body());
            attempts.finish(attempt, status, null, elapsedMillis(started));
            counters.answered(status);
        } catch (IOException e) {
            boolean timedOut = e instanceof java.net.SocketTimeoutException;
            attempts.finish(attempt, null, timedOut ? "timed out" : "no answer", elapsedMillis(started));
            counters.count(timedOut ? "timed_out" : "no_answer");
        }
    }

    private WebhookPoster poster() {
        synchronized (WebhookDeliveries.class) {
            if (poster == null) {
                try {
                    poster = new WebhookPoster(timeout, SSLContext.getDefault());
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("no TLS in this Java", e);
                }
            }
            return poster;
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
