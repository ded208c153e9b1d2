package dev.ringproof.admin.tenant;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.tenant.boundary.Tenants;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.webhook.boundary.WebhookEndpoints;
import dev.ringproof.webhook.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** tenants/edit.xhtml: a new tenant (no ?id) or an existing one's workflow, timeouts, countries and webhook. */
@Named
@RequestScoped
public class EditTenantBacking {

    /** The domain's field names, mapped to the inputs that show their problems. */
    private static final Map<String, String> FIELDS = Map.of("name", "tenant:name", "workflow", "tenant:first",
            "fallback_after_seconds", "tenant:fallback-missed-call", "ttl_seconds", "tenant:ttl",
            "allowed_countries", "tenant:countries", "webhook_url", "tenant:webhook",
            "daily_spend_cap", "tenant:spendcap");

    @Inject
    Tenants tenants;

    @Inject
    WebhookEndpoints webhooks;

    private String id;
    private TenantForm form = new TenantForm();
    private Tenant tenant;
    private Webhook webhook;
    private String newWebhookSecret;

    /** On the first GET only: later postbacks carry the form's own values. */
    public void load() {
        if (!isNew()) {
            try {
                tenant = tenants.find(id);
                form = TenantForm.of(tenant, getWebhook());
            } catch (Refusal notFound) {
                RefusalMessages.notFound();
            }
        }
    }

    public void save() {
        try {
            var saved = isNew() ? tenants.create(form.changes()) : tenants.update(id, form.changes());
            tenant = saved.tenant();
            webhook = saved.webhook();
            id = tenant.id();
            newWebhookSecret = saved.newWebhookSecret();
            RefusalMessages.info("Saved " + tenant.name() + ".");
        } catch (Refusal refusal) {
            RefusalMessages.show(refusal, FIELDS);
        }
    }

    public boolean isNew() {
        return id == null || id.isBlank();
    }

    public Tenant getTenant() {
        if (tenant == null && !isNew()) {
            tenant = tenants.find(id);
        }
        return tenant;
    }

    /** The tenant's webhook as saved (none for a new tenant). */
    public Webhook getWebhook() {
        if (webhook == null) {
            webhook = isNew() ? Webhook.NONE : webhooks.of(id);
        }
        return webhook;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public TenantForm getForm() { return form; }
    public String getNewWebhookSecret() { return newWebhookSecret; }
}
