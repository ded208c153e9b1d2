package dev.ringproof.webhook.boundary;

import dev.ringproof.audit.boundary.Audited;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.sealing.control.Seals;
import dev.ringproof.webhook.control.HostLookup;
import dev.ringproof.webhook.control.TargetGuard;
import dev.ringproof.webhook.control.WebhookSecrets;
import dev.ringproof.webhook.control.WebhookUrls;
import dev.ringproof.webhook.entity.Webhook;
import dev.ringproof.webhook.entity.WebhookEndpoint;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tenants' webhook endpoints, as admins set them (through the tenant's settings, in the same
 * transaction). A signing secret is shown once, in clear, to the admin who caused it; the
 * endpoint keeps it sealed, bound to the tenant.
 */
@Stateless
public class WebhookEndpoints {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Seals seals;

    /** The operator's switch; a tenant's webhook reaches a private network only with it and the tenant's flag. */
    @Inject
    @ConfigProperty(name = "webhook.allow-private-targets", defaultValue = "false")
    boolean allowPrivateTargets;

    /** The tenant's webhook; {@link Webhook#NONE} when it never had one. */
    public Webhook of(String tenantId) {
        var endpoint = tenantId == null ? null : em.find(WebhookEndpoint.class, tenantId);
        return endpoint == null ? Webhook.NONE : endpoint.webhook();
    }

    /** The webhooks of several tenants at once (a page of a list), by tenant id; absent ones have none. */
    public Map<String, Webhook> of(Collection<String> tenantIds) {
        Map<String, Webhook> webhooks = new HashMap<>();
        if (!tenantIds.isEmpty()) {
            em.createNamedQuery(WebhookEndpoint.OF_TENANTS, WebhookEndpoint.class)
                    .setParameter("tenants", tenantIds)
                    .getResultList()
                    .forEach(endpoint -> webhooks.put(endpoint.tenantId(), endpoint.webhook()));
        }
        return webhooks;
    }

    /**
     * Applies what an admin asked: {@code allowPrivate} (null: as it is) first, then {@code url}
     * (null: as it is; "": none). A new or re-enabled URL gets a new secret, answered in clear
     * (else null). The same URL of an active webhook changes nothing.
     */
    @Audited(action = "webhook.change", target = WebhookEndpoint.class)
    public String change(String tenantId, String url, Boolean allowPrivate) {
        var endpoint = em.find(WebhookEndpoint.class, tenantId);
        if (endpoint == null) {
            endpoint = new WebhookEndpoint(tenantId);
            em.persist(endpoint);
        }
        if (allowPrivate != null) {
            endpoint.allowPrivate(allowPrivate);
        }
        if (url == null || (url.equals(endpoint.url()) && endpoint.isActive())) {
            return null;
        }
        if (url.isEmpty()) {
            endpoint.pointAt(null, null);
            return null;
        }
        // the stricter wins: private targets (and plain http to them) only if the operator and the admin allow them
        boolean mayBePrivate = allowPrivateTargets && endpoint.allowsPrivate();
        String checked = WebhookUrls.checked(url, mayBePrivate);
        try {
            TargetGuard.check(checked, mayBePrivate, HostLookup.SYSTEM);
        } catch (TargetGuard.Refused refused) {
            throw Refusal.invalid("webhook_url", refused.getMessage());
        }
        String secret = WebhookSecrets.generate();
        endpoint.pointAt(checked, sealed(tenantId, secret));
        return secret;
    }

    /** Issues a new secret, shown once; the old one keeps signing for 24 hours. */
    @Audited(action = "webhook.rotate_secret", target = WebhookEndpoint.class)
    public String rotateSecret(String tenantId) {
        var endpoint = em.find(WebhookEndpoint.class, tenantId);
        if (endpoint == null || endpoint.url() == null) {
            throw new Refusal(Refusal.Reason.INVALID_STATE, "The tenant has no webhook.");
        }
        String secret = WebhookSecrets.generate();
        endpoint.rotateSecret(
                sealed(tenantId, secret), OffsetDateTime.now(clock).plusHours(24));
        return secret;
    }

    private String sealed(String tenantId, String secret) {
        return seals.webhookSecrets().close(secret, WebhookSecrets.boundTo(tenantId));
    }
}
