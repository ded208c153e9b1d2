package dev.ringproof.ratelimit.control;

import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.usage.boundary.UsageRecords;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * A tenant's daily spend cap: the sum of the UTC day's billable sends in the ledger. A
 * stolen key or a pumping bot can cost at most the cap a day.
 */
@Dependent
public class SpendCap {

    private static final Logger LOG = Logger.getLogger(SpendCap.class.getName());

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @EJB
    UsageRecords usage;

    public boolean reached(String tenantId, OffsetDateTime now) {
        var tenant = em.find(Tenant.class, tenantId);
        var cap = tenant == null ? java.util.Optional.<java.math.BigDecimal>empty() : tenant.dailySpendCap();
        if (cap.isEmpty()) {
            return false;
        }
        var spent = usage.spentOn(
                tenantId, now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
        boolean reached = spent.compareTo(cap.get()) >= 0;
        if (reached) {
            LOG.warning(() -> "Start refused for " + tenantId + ": daily spend cap " + cap.get() + " reached");
        }
        return reached;
    }
}
