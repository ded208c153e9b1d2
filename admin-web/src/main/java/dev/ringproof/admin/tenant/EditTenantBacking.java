package dev.ringproof.admin.tenant;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.tenant.boundary.Tenants;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.webhook.boundary.WebhookEndpoints;
import dev.ringproof.webhook.entity.Webhook;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** tenants/edit.xhtml: a new tenant (no ?id) or an existing one's workflow, timeouts, countries and webhook. */
@Named
@RequestScoped
public class EditTenantBacking {

    @EJB
    Tenants tenants;

    @EJB
    WebhookEndpoints webhooks;

    private String id;
    private TenantForm form = new TenantForm();
    private Tenant tenant;
    private Webhook webhook;
    private String newWebhookSecret;

    /** On the first GET only: later postbacks carry the form's own values. */
    @ShowsRefusals(notFound = true)
    public void load() {
        if (!isNew()) {
            tenant = tenants.find(id);
            form = TenantForm.of(tenant, getWebhook());
        }
    }

    @ShowsRefusals({
        @Input(field = "name", id = "tenant:name"),
        @Input(field = "workflow", id = "tenant:first"),
        @Input(field = "fallback_after_seconds", id = "tenant:fallback-missed-call"),
        @Input(field = "ttl_seconds", id = "tenant:ttl"),
        @Input(field = "allowed_countries", id = "tenant:countries"),
        @Input(field = "webhook_url", id = "tenant:webhook"),
        @Input(field = "daily_spend_cap", id = "tenant:spendcap")
    })
    public void save() {
        var saved = isNew() ? tenants.create(form.changes()) : tenants.update(id, form.changes());
        tenant = saved.tenant();
        webhook = saved.webhook();
        id = tenant.id();
        newWebhookSecret = saved.newWebhookSecret();
        RefusalMessages.info("Saved " + tenant.name() + ".");
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

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public TenantForm getForm() {
        return form;
    }

    public String getNewWebhookSecret() {
        return newWebhookSecret;
    }
}
