package dev.ringproof.tenant.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.Ids;
import dev.ringproof.sealing.control.Seals;
import dev.ringproof.tenant.control.TenantRules;
import dev.ringproof.tenant.control.WebhookSecrets;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.tenant.entity.TenantSettings;
import dev.ringproof.webhook.control.HostLookup;
import dev.ringproof.webhook.control.TargetGuard;
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
 * Tenants: created, changed and suspended by admins. A webhook signing secret is shown once,
 * in clear, to the admin who caused it; the tenant keeps it sealed, bound to its id.
 */
@Stateless
public class Tenants {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Seals seals;

    @Inject
    @ConfigProperty(name = "verification.max-ttl-seconds", defaultValue = "600")
    int maxTtlSeconds;

    /** The operator's switch; a tenant's webhook reaches a private network only with it and the tenant's flag. */
    @Inject
    @ConfigProperty(name = "webhook.allow-private-targets", defaultValue = "false")
    boolean allowPrivateWebhookTargets;

    /** A tenant as saved, with the webhook secret when this change issued a new one (shown once). */
    public record Saved(Tenant tenant, String newWebhookSecret) {
    }

    public Saved create(TenantChanges changes) {
        if (changes.name() == null || changes.name().isBlank()) {
            throw Refusal.invalid("name", "is required");
        }
        String name = TenantRules.name(changes.name());
        var settings = rules().apply(TenantSettings.defaults(), changes);
        var tenant = new Tenant(Ids.next("tn"), name, settings, OffsetDateTime.now(clock));
        if (changes.webhookAllowPrivate() != null) {
            tenant.allowPrivateWebhook(changes.webhookAllowPrivate());
        }
        String secret = applyWebhook(tenant, changes.webhookUrl());
        applySpendCap(tenant, changes.dailySpendCap());
        em.persist(tenant);
        return new Saved(tenant, secret);
    }

    public Saved update(String id, TenantChanges changes) {
        var tenant = find(id);
        if (changes.name() != null) {
            tenant.rename(TenantRules.name(changes.name()));
        }
        tenant.apply(rules().apply(tenant.settings(), changes));
        if (changes.webhookAllowPrivate() != null) {
            tenant.allowPrivateWebhook(changes.webhookAllowPrivate());
        }
        applySpendCap(tenant, changes.dailySpendCap());
        return new Saved(tenant, applyWebhook(tenant, changes.webhookUrl()));
    }

    /** Issues a new webhook secret, shown once; the old one keeps signing for 24 hours. */
    public String rotateWebhookSecret(String id) {
        var tenant = find(id);
        if (tenant.webhookUrl() == null) {
            throw new Refusal(Refusal.Reason.INVALID_STATE, "The tenant has no webhook.");
        }
        String secret = WebhookSecrets.generate();
        tenant.rotateWebhookSecret(sealed(tenant, secret), OffsetDateTime.now(clock).plusHours(24));
        return secret;
    }

    /** Keys stop working at once; the tenant's data stays. */
    public Tenant suspend(String id) {
        var tenant = find(id);
        tenant.suspend();
        return tenant;
    }

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
                .setParameter("name", "%" + query.replace("\\", "").replace("%", "").replace("_", "") + "%")
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

    private String applyWebhook(Tenant tenant, String url) {
        if (url == null || (url.equals(tenant.webhookUrl()) && tenant.hasActiveWebhook())) {
            return null;
        }
        if (url.isEmpty()) {
            tenant.setWebhook(null, null);
            return null;
        }
        // the stricter wins: private targets (and plain http to them) only if the operator and the admin allow them
        boolean allowPrivate = allowPrivateWebhookTargets && tenant.allowsPrivateWebhook();
        String checked = new TenantRules(maxTtlSeconds, allowPrivate).webhookUrl(url);
        try {
            TargetGuard.check(checked, allowPrivate, HostLookup.SYSTEM);
        } catch (TargetGuard.Refused refused) {
            throw Refusal.invalid("webhook_url", refused.getMessage());
        }
        String secret = WebhookSecrets.generate();
        tenant.setWebhook(checked, sealed(tenant, secret));
        return secret;
    }

    private String sealed(Tenant tenant, String webhookSecret) {
        return seals.webhookSecrets().close(webhookSecret, WebhookSecrets.boundTo(tenant.id()));
    }

    private TenantRules rules() {
        return new TenantRules(maxTtlSeconds, true);
    }
}
