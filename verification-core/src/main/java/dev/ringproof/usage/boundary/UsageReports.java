package dev.ringproof.usage.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.usage.control.LedgerQuery;
import dev.ringproof.usage.entity.Period;
import dev.ringproof.usage.entity.TenantUsage;
import dev.ringproof.usage.entity.UsageGroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Billing's and tenants' views of the ledger: sums over its lines, never over anything else. */
@Stateless
public class UsageReports {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    LedgerQuery ledger;

    @Inject
    @ConfigProperty(name = "usage.currency", defaultValue = "EUR")
    String billingCurrency;

    /** Refuses (404) a tenant filter that names no tenant, before any report line is written. */
    public void requireTenant(String tenantId) {
        if (tenantId != null && (tenantId.length() > 40 || em.find(Tenant.class, tenantId) == null)) {
            throw Refusal.notFound("tenant");
        }
    }

    /**
     * Streams the report lines of a period to {@code sink}, inside this call's transaction
     * (the cursor needs one); {@code tenantId} null means every tenant.
     */
    public void forEachGroup(Period period, String tenantId, Consumer<UsageGroup> sink) {
        ledger.forEachGroup(period, tenantId, sink);
    }

    public TenantUsage ofTenant(String tenantId, Period period) {
        var usage = new TenantUsage(period);
        ledger.forEachGroup(period, tenantId, usage::add);
        return usage;
    }

    /** The currency prices are kept in, for reports without lines. */
    public String billingCurrency() {
        return billingCurrency;
    }
}
