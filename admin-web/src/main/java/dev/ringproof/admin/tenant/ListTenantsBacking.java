package dev.ringproof.admin.tenant;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.tenant.boundary.Tenants;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.webhook.boundary.WebhookEndpoints;
import dev.ringproof.webhook.entity.Webhook;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** tenants/list.xhtml: search by name or id (a bookmarkable ?q=), suspend and reactivate. */
@Named
@RequestScoped
public class ListTenantsBacking {

    static final int MAX_ROWS = 500;

    @EJB
    Tenants tenants;

    @EJB
    WebhookEndpoints webhooks;

    private String query;
    private List<Tenant> found;
    private Map<String, Webhook> webhooksFound;

    public List<Tenant> getTenants() {
        if (found == null) {
            found = tenants.search(query, 0, MAX_ROWS);
            webhooksFound = webhooks.of(found.stream().map(Tenant::id).toList());
        }
        return found;
    }

    public boolean hasWebhook(Tenant tenant) {
        getTenants();
        return webhooksFound.getOrDefault(tenant.id(), Webhook.NONE).url() != null;
    }

    public String workflowOf(Tenant tenant) {
        return tenant.workflow().stream().map(Channel::wireName).collect(Collectors.joining(" → "));
    }

    @ShowsRefusals
    public void suspend(String id) {
        found = null;
        RefusalMessages.info("Suspended " + tenants.suspend(id).name() + ": its keys stop working now.");
    }

    @ShowsRefusals
    public void reactivate(String id) {
        found = null;
        RefusalMessages.info("Reactivated " + tenants.reactivate(id).name() + ".");
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
