package dev.ringproof.twilio.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.tenant.boundary.TenantCaller;
import dev.ringproof.twilio.entity.ServiceProfile;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The Twilio door's Services: a tenant's own, in its caller's world (live or test). */
@Stateless
public class TwilioServices {

    /** A Twilio list answers one page; a tenant with more Services than this sees the oldest. */
    public static final int MAX_LISTED = 1000;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    /** {@code codeLength} null: Twilio's default of 6. */
    public ServiceProfile create(TenantCaller caller, String friendlyName, Integer codeLength) {
        String name = friendlyName == null ? "" : friendlyName.strip();
        if (name.isEmpty()
                || name.length() > ServiceProfile.MAX_FRIENDLY_NAME
                || !name.codePoints().allMatch(c -> !Character.isISOControl(c))) {
            throw Refusal.invalid("FriendlyName", "must be 1-30 characters, no control characters");
        }
        int length = codeLength == null ? ServiceProfile.DEFAULT_CODE_LENGTH : codeLength;
        if (length < ServiceProfile.MIN_CODE_LENGTH || length > ServiceProfile.MAX_CODE_LENGTH) {
            throw Refusal.invalid("CodeLength", "must be between 4 and 10");
        }
        var service = new ServiceProfile(caller.tenantId(), caller.test(), name, length, OffsetDateTime.now(clock));
        em.persist(service);
        return service;
    }

    /** The caller's Service; another tenant's or world's answers as unknown. */
    public ServiceProfile find(TenantCaller caller, String sid) {
        var service = sid == null ? null : em.find(ServiceProfile.class, sid);
        if (service == null || !service.belongsTo(caller.tenantId(), caller.test())) {
            throw Refusal.notFound("service");
        }
        return service;
    }

    public List<ServiceProfile> list(TenantCaller caller) {
        return em.createNamedQuery(ServiceProfile.OF_TENANT, ServiceProfile.class)
                .setParameter("tenant", caller.tenantId())
                .setParameter("test", caller.test())
                .setMaxResults(MAX_LISTED)
                .getResultList();
    }
}
