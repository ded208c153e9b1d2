package dev.ringproof.privacy.boundary;

import dev.ringproof.audit.boundary.AuditTrail;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.PhoneNumbers;
import dev.ringproof.privacy.control.PhoneCopies;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person's right to erasure: an admin erases a phone number from every table that holds it
 * ({@link PhoneCopies}), for all tenants or one, in one transaction with its audit entry (which
 * names the number masked only). The ledger holds no number, so billing stays as it was.
 */
@Stateless
public class Erasures {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @EJB
    AuditTrail trail;

    /** What was erased: the number as it now reads, the tenant (null: all) and the rows changed per table. */
    public record Erased(String masked, String tenantId, Map<String, Integer> rows) {}

    public Erased erase(String phone, String tenantId) {
        if (phone == null || phone.isEmpty()) {
            throw Refusal.invalid("phone", "is required");
        }
        String e164 = PhoneNumbers.parse(phone).e164();
        if (tenantId != null && !tenantExists(tenantId)) {
            throw Refusal.invalid("tenant", "is not a tenant's id");
        }
        String masked = PhoneNumbers.mask(e164);
        var rows = new PhoneCopies(em).erase(e164, masked, tenantId);
        var details = new LinkedHashMap<String, Object>(rows);
        details.put("tenant", tenantId == null ? "all" : tenantId);
        trail.write("phone.erase", "phone", masked, details);
        return new Erased(masked, tenantId, rows);
    }

    private boolean tenantExists(String tenantId) {
        return tenantId.length() <= 40
                && ((Number) em.createNativeQuery("select count(*) from tenant where id = ?1")
                                        .setParameter(1, tenantId)
                                        .getSingleResult())
                                .longValue()
                        > 0;
    }
}
