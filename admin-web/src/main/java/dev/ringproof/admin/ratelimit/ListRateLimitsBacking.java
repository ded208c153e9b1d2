package dev.ringproof.admin.ratelimit;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.ratelimit.boundary.PolicyDraft;
import dev.ringproof.ratelimit.boundary.RateLimits;
import dev.ringproof.ratelimit.entity.RateLimitPolicy;
import dev.ringproof.tenant.boundary.Tenants;
import dev.ringproof.tenant.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ratelimits/list.xhtml: the rate-limit policies; create (checked by the domain), delete; the limits hit right now. */
@Named
@RequestScoped
public class ListRateLimitsBacking {

    static final int MAX_HITS = 100;
    static final int MAX_TENANTS = 1000;

    @EJB
    RateLimits rateLimits;

    @EJB
    Tenants tenants;

    private String scope = "phone";
    private String action = "start";
    private String tenantId;
    private String match;
    private Integer limit;
    private Integer windowSeconds;
    private List<RateLimitPolicy> policies;
    private Map<String, Tenant> tenantsById;
    private List<RateLimits.Hit> hits;

    @ShowsRefusals({
        @Input(field = "scope", id = "create:scope"),
        @Input(field = "action", id = "create:action"),
        @Input(field = "tenant_id", id = "create:tenant"),
        @Input(field = "match", id = "create:match"),
        @Input(field = "limit", id = "create:limit"),
        @Input(field = "window_seconds", id = "create:window")
    })
    public void create() {
        var policy = rateLimits.create(
                new PolicyDraft(scope, action, blankToNull(tenantId), blankToNull(match), limit, windowSeconds));
        RefusalMessages.info("Created " + policy.id() + ": " + policy.limit() + " "
                + policy.action().wireName() + " per " + Windows.of(policy.windowSeconds()) + " per "
                + policy.scope().wireName() + ".");
        match = null;
        limit = null;
        windowSeconds = null;
        policies = null;
    }

    @ShowsRefusals
    public void delete(String id) {
        policies = null;
        rateLimits.delete(id);
        RefusalMessages.info("Deleted " + id + " and its counters.");
    }

    public List<RateLimitPolicy> getPolicies() {
        if (policies == null) {
            policies = rateLimits.all();
        }
        return policies;
    }

    /** The tenants a policy may be narrowed to, by name. */
    public Collection<Tenant> getTenants() {
        if (tenantsById == null) {
            tenantsById = new LinkedHashMap<>();
            tenants.search(null, 0, MAX_TENANTS).forEach(t -> tenantsById.put(t.id(), t));
        }
        return tenantsById.values();
    }

    /** The name of a policy's tenant, for the table; a tenant beyond the menu's first rows is looked up. */
    public String tenantName(String id) {
        getTenants();
        var tenant = tenantsById.computeIfAbsent(id, this::find);
        return tenant == null ? id : tenant.name();
    }

    private Tenant find(String id) {
        try {
            return tenants.find(id);
        } catch (Refusal gone) {
            return null;
        }
    }

    public List<RateLimits.Hit> getHits() {
        if (hits == null) {
            hits = rateLimits.hits(0, MAX_HITS);
        }
        return hits;
    }

    public String window(int seconds) {
        return Windows.of(seconds);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getMatch() {
        return match;
    }

    public void setMatch(String match) {
        this.match = match;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public Integer getWindowSeconds() {
        return windowSeconds;
    }

    public void setWindowSeconds(Integer windowSeconds) {
        this.windowSeconds = windowSeconds;
    }
}
