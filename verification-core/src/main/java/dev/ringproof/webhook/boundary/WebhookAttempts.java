package dev.ringproof.webhook.boundary;

import dev.ringproof.audit.boundary.Audited;
import dev.ringproof.platform.control.Ids;
import dev.ringproof.platform.control.Outbox;
import dev.ringproof.sealing.control.BrokenSeal;
import dev.ringproof.sealing.control.Seals;
import dev.ringproof.webhook.control.RetrySchedule;
import dev.ringproof.webhook.control.WebhookSecrets;
import dev.ringproof.webhook.entity.WebhookDelivery;
import dev.ringproof.webhook.entity.WebhookEndpoint;
import dev.ringproof.webhook.entity.WebhookEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bookkeeping of deliveries, each step in a short transaction of its own: take an
 * attempt, record its outcome and schedule the next one (through the outbox), or give up.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookAttempts {

    private static final Logger LOG = Logger.getLogger(WebhookAttempts.class.getName());

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    Seals seals;

    @Inject
    @ConfigProperty(name = "webhook.retry-schedule", defaultValue = RetrySchedule.DEFAULT)
    String retrySchedule;

    /** What one delivery attempt sends, and where. */
    public record Attempt(
            String eventId,
            String tenantId,
            int number,
            String url,
            boolean allowPrivate,
            List<String> secrets,
            String body) {}

    /** Takes the next attempt of a pending event whose tenant's webhook is still active. */
    public Optional<Attempt> begin(String eventId) {
        var event = em.find(WebhookEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null || !event.isPending()) {
            return Optional.empty();
        }
        var endpoint = em.find(WebhookEndpoint.class, event.tenantId());
        if (endpoint == null || !endpoint.isActive()) {
            event.failed();
            return Optional.empty();
        }
        String tenantId = endpoint.tenantId();
        List<String> secrets;
        try {
            // a secret stored before sealing existed is read as it is
            secrets = endpoint.signingSecrets(OffsetDateTime.now(clock)).stream()
                    .map(stored -> seals.webhookSecrets().openOrClear(stored, WebhookSecrets.boundTo(tenantId)))
                    .toList();
        } catch (BrokenSeal e) {
            LOG.warning(() -> "Webhook secret of " + tenantId + " does not open (was verification.code-secret"
                    + " changed?): " + event.id() + " not delivered; set the webhook again for a new secret");
            event.failed();
            return Optional.empty();
        }
        return Optional.of(new Attempt(
                event.id(),
                tenantId,
                event.attempted(),
                endpoint.url(),
                endpoint.allowsPrivate(),
                secrets,
                event.payload()));
    }

    /** Only a 2xx counts; 410 disables the endpoint; anything else is tried again later, for about 3 days. */
    public void finish(Attempt attempt, Integer status, String error, long latencyMillis) {
        var now = OffsetDateTime.now(clock);
        em.persist(new WebhookDelivery(
                Ids.next("whd"), attempt.eventId(), attempt.number(), status, error, latencyMillis, now));
        var event = em.find(WebhookEvent.class, attempt.eventId(), LockModeType.PESSIMISTIC_WRITE);
        if (status != null && status >= 200 && status < 300) {
            event.delivered();
        } else if (status != null && status == 410) {
            event.failed();
            em.find(WebhookEndpoint.class, attempt.tenantId())
                    .disable(now, "The receiver answered 410 Gone to " + attempt.eventId() + ".");
            LOG.warning(() -> "Webhook of " + attempt.tenantId() + " answered 410 Gone: disabled");
        } else {
            new RetrySchedule(retrySchedule)
                    .after(attempt.number())
                    .ifPresentOrElse(wait -> later(attempt.eventId(), wait), event::failed);
        }
    }

    /**
     * Starts the event's deliveries over from the first attempt, now; false when there is no
     * such event. One transaction, so the message cannot arrive before the event is pending again.
     */
    @Audited(action = "webhook.replay", target = WebhookEvent.class)
    public boolean replay(String eventId) {
        var event = em.find(WebhookEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            return false;
        }
        event.retryFromScratch();
        later(eventId, Duration.ZERO);
        return true;
    }

    /** Queues a delivery of the event after {@code wait}, and notes when it is due for the console. */
    public void later(String eventId, Duration wait) {
        var due = OffsetDateTime.now(clock).plus(wait);
        var event = em.find(WebhookEvent.class, eventId);
        if (event != null) {
            event.nextAttemptAt(due);
        }
        outbox.put(WebhookEvents.QUEUE_NAME, Map.of("event_id", eventId), due);
    }
}
