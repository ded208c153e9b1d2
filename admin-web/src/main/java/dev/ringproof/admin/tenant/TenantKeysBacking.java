package dev.ringproof.admin.tenant;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.platform.control.PublicUrl;
import dev.ringproof.tenant.boundary.ApiKeys;
import dev.ringproof.tenant.boundary.Tenants;
import dev.ringproof.tenant.entity.ApiKey;
import dev.ringproof.tenant.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * tenants/keys.xhtml: a tenant's api keys. A new key's secret is in the answer to the POST
 * that issued it and nowhere else: the bean is request-scoped, so a reload cannot show it again.
 */
@Named
@RequestScoped
public class TenantKeysBacking {

    @EJB
    Tenants tenants;

    @EJB
    ApiKeys apiKeys;

    private String tenantId;
    private String label;
    private String mode = "live";
    private String issuedToken;
    private String origins;

    @ShowsRefusals(notFound = true)
    public void load() {
        tenants.find(tenantId);
    }

    @ShowsRefusals(@Input(field = "mode", id = "issue:mode"))
    public void issue() {
        issuedToken = apiKeys.issue(tenantId, label == null ? "" : label.strip(), mode)
                .token();
        label = null;
    }

    /** A publishable key for the web widget: origins separated by spaces, commas or new lines. */
    @ShowsRefusals({
        @Input(field = "allowed_origins", id = "publishable:origins"),
        @Input(field = "mode", id = "publishable:mode")
    })
    public void issuePublishable() {
        var list = origins == null
                ? List.<String>of()
                : java.util.Arrays.stream(origins.split("[\\s,]+"))
                        .filter(o -> !o.isEmpty())
                        .toList();
        var issued = apiKeys.issuePublishable(tenantId, label == null ? "" : label.strip(), mode, list);
        RefusalMessages.info("Issued the publishable key " + issued.token() + " for the web widget.");
        label = null;
        origins = null;
    }

    @ShowsRefusals
    public void revoke(String keyId) {
        apiKeys.revoke(tenantId, keyId);
        RefusalMessages.info("Revoked " + keyId + ": it stops working now.");
    }

    public Tenant getTenant() {
        return tenants.find(tenantId);
    }

    /**
     * The API's base URL for the SDK snippets: the configured public URL, else the origin this
     * page was asked for.
     */
    public String getApiBase() {
        String base = PublicUrl.configured().base();
        if (base.isEmpty()) {
            var request = (HttpServletRequest)
                    FacesContext.getCurrentInstance().getExternalContext().getRequest();
            String port = request.getServerPort() == 80 || request.getServerPort() == 443
                    ? ""
                    : ":" + request.getServerPort();
            base = request.getScheme() + "://" + request.getServerName() + port;
        }
        return base + "/api";
    }

    public List<ApiKey> getKeys() {
        return apiKeys.of(tenantId);
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getOrigins() {
        return origins;
    }

    public void setOrigins(String origins) {
        this.origins = origins;
    }

    public String getIssuedToken() {
        return issuedToken;
    }
}
