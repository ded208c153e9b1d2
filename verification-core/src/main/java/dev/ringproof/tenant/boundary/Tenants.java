package dev.ringproof.tenant.boundary;

import dev.ringproof.audit.boundary.Audited;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.Ids;
import dev.ringproof.tenant.control.TenantRules;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.tenant.entity.TenantSettings;
import dev.ringproof.webhook.boundary.WebhookEndpoints;
import dev.ringproof.webhook.entity.Webhook;
import dev.ringproof.webhook.entity.WebhookEndpoint;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tenants: created, changed and suspended by admins, their webhooks with them (one
 * transaction: a refused webhook URL changes nothing). A webhook signing secret is shown
 * once, in clear, to the admin who caused it.
 */
@Stateless
public class Tenants {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    WebhookEndpoints webhooks;

    @Inject
    @ConfigProperty(name = "verification.max-ttl-seconds", defaultValue = "600")
    int maxTtlSeconds;

    /** A tenant as saved, its webhook, and the webhook secret when this change issued a new one (shown once). */
    public record Saved(Tenant tenant, Webhook webhook, String newWebhookSecret) {}

    @Audited(action = "tenant.create", target = Tenant.class, id = Audited.RESULT)
    public Saved create(TenantChanges changes) {
        if (changes.name() == null || changes.name().isBlank()) {
            throw Refusal.invalid("name", "is required");
        }
        String name = TenantRules.name(changes.name());
        var settings = rules().apply(TenantSettings.defaults(), changes);
        var tenant = new Tenant(Ids.next("tn"), name, settings, OffsetDateTime.now(clock));
        applySpendCap(tenant, changes.dailySpendCap());
        em.persist(tenant);
        em.flush(); // the webhook endpoint's row refers to the tenant's
        return saved(tenant, changes);
    }

    @Audited(action = "tenant.update", target = Tenant.class)
    public Saved update(String id, TenantChanges changes) {
        var tenant = find(id);
        if (changes.name() != null) {
            tenant.rename(TenantRules.name(changes.name()));
        }
        tenant.apply(rules().apply(tenant.settings(), changes));
        applySpendCap(tenant, changes.dailySpendCap());
        return saved(tenant, changes);
    }

    /** Issues a new webhook secret, shown once; the old one keeps signing for 24 hours. */
    public String rotateWebhookSecret(String id) {
        return webhooks.rotateSecret(find(id).id());
    }

    /**
     * Deliveries to a webhook that was disabled resume, as a PATCH of the same URL makes them: with
     * a new secret, answered in clear once.
     */
    @Audited(action = "webhook.resume", target = WebhookEndpoint.class)
    public String resumeWebhook(String id) {
        var webhook = webhooks.of(find(id).id());
        if (!"disabled".equals(webhook.state())) {
            throw new Refusal(Refusal.Reason.INVALID_STATE, "The webhook is not disabled.");
        }
        return webhooks.change(id, webhook.url(), null);
    }

    /** Keys stop working at once; the tenant's data stays. */
    @Audited(action = "tenant.suspend", target = Tenant.class)
    public Tenant suspend(String id) {
        var tenant = find(id);
        tenant.suspend();
        return tenant;
    }

    @Audited(action = "tenant.reactivate", target = Tenant.class)
    public Tenant reactivate(String id) {
        var tenant = find(id);
        tenant.reactivate();
        return tenant;
    }

    public Tenant find(String id) {
        var tenant = id == null ? null : em.find(Tenant.class, id);
        if (tenant == null) {
            throw Refusal.notFound("tenant");
        }
        return tenant;
    }

    public List<Tenant> search(String text, int offset, int limit) {
        String query = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return em.createNamedQuery(Tenant.SEARCH, Tenant.class)
                .setParameter(
                        "name", "%" + query.replace("\\", "").replace("%", "").replace("_", "") + "%")
                .setParameter("id", query)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    private static void applySpendCap(Tenant tenant, String cap) {
        if (cap == null) {
            return;
        }
        if (cap.isEmpty()) {
            tenant.capDailySpend(null);
            return;
        }
        try {
            var amount = new java.math.BigDecimal(cap);
            if (amount.signum() < 0 || amount.scale() > 4 || amount.precision() - amount.scale() > 14) {
                throw Refusal.invalid("daily_spend_cap", "must be a decimal amount of at most 4 decimals, 0 or more");
            }
            tenant.capDailySpend(amount.setScale(4));
        } catch (NumberFormatException e) {
            throw Refusal.invalid("daily_spend_cap", "must be a decimal amount such as \"25.00\"");
        }
    }

    private Saved saved(Tenant tenant, TenantChanges changes) {
        String secret = webhooks.change(tenant.id(), changes.webhookUrl(), changes.webhookAllowPrivate());
        return new Saved(tenant, webhooks.of(tenant.id()), secret);
    }

    private TenantRules rules() {
        return new TenantRules(maxTtlSeconds);
    }
}
