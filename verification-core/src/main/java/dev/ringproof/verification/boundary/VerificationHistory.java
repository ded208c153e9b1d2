package dev.ringproof.verification.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.PhoneNumbers;
import dev.ringproof.verification.entity.Verification;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Admins' read-only look at verifications across tenants, for support: search and detail.
 * Nothing here changes a verification; tenants use {@link Verifications}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class VerificationHistory {

    private static final Set<String> STATUSES = Set.of("pending", "approved", "failed", "expired", "canceled");
    private static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    /** What to look for; any part may be null. Days are UTC and inclusive. */
    public record Criteria(String tenantId, String phone, String status, LocalDate from, LocalDate to) {}

    public List<Verification> search(Criteria criteria, int offset, int limit) {
        var where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (criteria.tenantId() != null && !criteria.tenantId().isBlank()) {
            condition(where, parameters, "v.tenantId = :tenant", "tenant", criteria.tenantId());
        }
        if (criteria.phone() != null && !criteria.phone().isBlank()) {
            condition(where, parameters, "v.phone = :phone", "phone", phone(criteria.phone()));
        }
        if (criteria.status() != null && !criteria.status().isBlank()) {
            if (!STATUSES.contains(criteria.status())) {
                throw Refusal.invalid("status", "is not a verification status");
            }
            condition(where, parameters, "v.status = :status", "status", criteria.status());
        }
        if (criteria.from() != null && criteria.to() != null && criteria.to().isBefore(criteria.from())) {
            throw Refusal.invalid("to", "must not be before from");
        }
        if (criteria.from() != null) {
            condition(
                    where,
                    parameters,
                    "v.createdAt >= :from",
                    "from",
                    criteria.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (criteria.to() != null) {
            condition(
                    where,
                    parameters,
                    "v.createdAt < :to",
                    "to",
                    criteria.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        var query = em.createQuery(
                "select v from Verification v" + where + " order by v.createdAt desc, v.id", Verification.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.min(Math.max(1, limit), MAX_PAGE))
                .getResultList();
    }

    public Verification find(String id) {
        var verification = id == null ? null : em.find(Verification.class, id);
        if (verification == null) {
            throw Refusal.notFound("verification");
        }
        return verification;
    }

    private static void condition(
            StringBuilder where, Map<String, Object> parameters, String jpql, String name, Object value) {
        where.append(" and ").append(jpql);
        parameters.put(name, value);
    }

    private static String phone(String given) {
        try {
            return PhoneNumbers.parse(given).e164();
        } catch (Refusal e) {
            throw Refusal.invalid("phone", "is not a valid international number");
        }
    }
}
