package dev.ringproof.verification.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.PhoneNumbers;
import dev.ringproof.tenant.boundary.TenantCaller;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.verification.entity.Verification;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read-only looks at verifications: a tenant's own list (one world, live or test) and admins'
 * search across tenants, for support. Nothing here changes a verification; {@link
 * Verifications} does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class VerificationHistory {

    private static final Set<String> STATUSES = Set.of("pending", "approved", "failed", "expired", "canceled");
    private static final int MAX_PAGE = 200;
    private static final int MAX_REFERENCE = 200;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    /**
     * What to look for; any part may be null. {@code test} null means both worlds. Days are UTC
     * and inclusive; {@code reference} matches whole.
     */
    public record Criteria(
            String tenantId,
            Boolean test,
            String phone,
            String status,
            String reference,
            LocalDate from,
            LocalDate to) {

        public Criteria(String tenantId, String phone, String status, LocalDate from, LocalDate to) {
            this(tenantId, null, phone, status, null, from, to);
        }

        /** The same search, held to the caller's own tenant and world. */
        public Criteria of(TenantCaller caller) {
            return new Criteria(caller.tenantId(), caller.test(), phone, status, reference, from, to);
        }
    }

    /** Where a page ends: listings go newest first, then by id, so this names one place in that order. */
    public record Position(OffsetDateTime createdAt, String id) {}

    /** Up to a page of verifications, and where the next page starts (null: this was the last). */
    public record Page(List<Verification> items, Position next) {}

    public List<Verification> search(Criteria criteria, int offset, int limit) {
        var where = new Where();
        where.add(criteria);
        var query = em.createQuery(
                "select v from Verification v" + where.jpql + " order by v.createdAt desc, v.id", Verification.class);
        where.parameters.forEach(query::setParameter);
        return query.setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.min(Math.max(1, limit), MAX_PAGE))
                .getResultList();
    }

    /** The caller's own verifications of its own world (live or test) after {@code after}, newest first. */
    public Page ownPage(TenantCaller caller, Criteria criteria, Position after, int limit) {
        return page(criteria.of(caller), after, limit);
    }

    /**
     * A page after {@code after} (null: from the newest), ordered by creation time and id, both
     * descending, so that an index on {@code (tenant_id, test_mode, created_at, id)} or {@code
     * (created_at, id)} serves it and a verification started meanwhile never shifts a later page.
     */
    public Page page(Criteria criteria, Position after, int limit) {
        if (criteria.tenantId() != null && em.find(Tenant.class, criteria.tenantId()) == null) {
            throw Refusal.invalid("tenant", "is not a tenant");
        }
        var where = new Where();
        where.add(criteria);
        if (after != null) {
            where.condition(
                    "(v.createdAt < :afterAt or (v.createdAt = :afterAt and v.id < :afterId))",
                    "afterAt",
                    after.createdAt());
            where.parameters.put("afterId", after.id());
        }
        int size = Math.min(Math.max(1, limit), MAX_PAGE);
        var query = em.createQuery(
                        "select v from Verification v" + where.jpql + " order by v.createdAt desc, v.id desc",
                        Verification.class)
                .setHint("eclipselink.batch", "v.attempts")
                .setHint("eclipselink.batch.type", "IN");
        where.parameters.forEach(query::setParameter);
        var found = query.setMaxResults(size + 1).getResultList();
        if (found.size() <= size) {
            return new Page(found, null);
        }
        var items = found.subList(0, size);
        var last = items.get(size - 1);
        return new Page(List.copyOf(items), new Position(last.createdAt(), last.id()));
    }

    public Verification find(String id) {
        var verification = id == null ? null : em.find(Verification.class, id);
        if (verification == null) {
            throw Refusal.notFound("verification");
        }
        return verification;
    }

    /** A JPQL where clause and its parameters, built from what was given. */
    private static final class Where {
        private final StringBuilder jpql = new StringBuilder();
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        void add(Criteria criteria) {
            if (given(criteria.tenantId())) {
                condition("v.tenantId = :tenant", "tenant", criteria.tenantId());
            }
            if (criteria.test() != null) {
                condition("v.testMode = :test", "test", criteria.test());
            }
            if (given(criteria.phone())) {
                condition("v.phone = :phone", "phone", phone(criteria.phone()));
            }
            if (given(criteria.status())) {
                if (!STATUSES.contains(criteria.status())) {
                    throw Refusal.invalid("status", "is not a verification status");
                }
                condition("v.status = :status", "status", criteria.status());
            }
            if (given(criteria.reference())) {
                if (criteria.reference().length() > MAX_REFERENCE) {
                    throw Refusal.invalid("reference", "must be at most " + MAX_REFERENCE + " characters");
                }
                condition("v.reference = :reference", "reference", criteria.reference());
            }
            days(criteria.from(), criteria.to());
        }

        private void days(LocalDate from, LocalDate to) {
            if (from != null && to != null && to.isBefore(from)) {
                throw Refusal.invalid("to", "must not be before from");
            }
            if (from != null) {
                condition("v.createdAt >= :from", "from", from.atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            if (to != null) {
                condition(
                        "v.createdAt < :to", "to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
        }

        void condition(String condition, String name, Object value) {
            jpql.append(jpql.isEmpty() ? " where " : " and ").append(condition);
            parameters.put(name, value);
        }

        private static boolean given(String value) {
            return value != null && !value.isBlank();
        }
    }

    private static String phone(String given) {
        try {
            return PhoneNumbers.parse(given).e164();
        } catch (Refusal e) {
            throw Refusal.invalid("phone", "is not a valid international number");
        }
    }
}
