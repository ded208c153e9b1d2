package dev.ringproof.webhook.boundary;

import dev.ringproof.platform.control.Ids;
import dev.ringproof.platform.control.Outbox;
import dev.ringproof.platform.control.Rfc3339;
import dev.ringproof.webhook.entity.WebhookEndpoint;
import dev.ringproof.webhook.entity.WebhookEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Records what a tenant's webhook is to hear, in the transaction of the state change that
 * caused it, and queues its first delivery through the outbox: a crash between the change
 * and the delivery loses nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class WebhookEvents {

    /** Json.create… looks the provider up with a ServiceLoader on every call: slow on Payara's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String QUEUE_NAME = "RingproofWebhooks";

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * {@code type}: approved, failed, expired, canceled or fallback; {@code data}: the
     * verification as the API shows it, built only when the tenant has a webhook to hear it.
     */
    public void happened(String tenantId, String type, Supplier<JsonObjectBuilder> data) {
        var endpoint = em.find(WebhookEndpoint.class, tenantId);
        if (endpoint == null || !endpoint.isActive()) {
            return;
        }
        var now = OffsetDateTime.now(clock);
        String id = Ids.next("evt");
        String body = JSON.createObjectBuilder()
                .add("type", "verification." + type)
                .add("timestamp", Rfc3339.format(now))
                .add("data", data.get())
                .build()
                .toString();
        em.persist(new WebhookEvent(id, tenantId, "verification." + type, body, now));
        outbox.put(QUEUE_NAME, Map.of("event_id", id), now);
    }
}
