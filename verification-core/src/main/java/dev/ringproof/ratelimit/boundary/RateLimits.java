package dev.ringproof.ratelimit.boundary;

import dev.ringproof.audit.boundary.Audited;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.Ids;
import dev.ringproof.platform.control.PhoneNumbers;
import dev.ringproof.ratelimit.control.PolicyBook;
import dev.ringproof.ratelimit.control.Prefixes;
import dev.ringproof.ratelimit.entity.Action;
import dev.ringproof.ratelimit.entity.RateLimitPolicy;
import dev.ringproof.ratelimit.entity.Scope;
import dev.ringproof.tenant.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Admins' rate-limit policies, and the counters that have reached their limit right now. */
@Stateless
public class RateLimits {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<PolicyBook.Changed> changes;

    /** A subject that used up its policy's limit in live or test traffic, until its window ends. */
    public record Hit(
            RateLimitPolicy policy,
            String subject,
            boolean test,
            int hits,
            OffsetDateTime windowStart,
            OffsetDateTime resetsAt) {}

    @Audited(action = "rate_limit.create", target = RateLimitPolicy.class, id = Audited.RESULT)
    public RateLimitPolicy create(PolicyDraft draft) {
        var scope = Scope.fromWireName(draft.scope())
                .orElseThrow(() -> Refusal.invalid("scope", "must be tenant, phone, prefix, country or ip"));
        var action = draft.action() == null
                ? Action.START
                : Action.fromWireName(draft.action())
                        .orElseThrow(() -> Refusal.invalid("action", "must be start or check"));
        if (scope == Scope.IP && action == Action.CHECK) {
            throw Refusal.invalid("scope", "checks carry no client address: ip applies to starts only");
        }
        if (draft.tenantId() != null && em.find(Tenant.class, draft.tenantId()) == null) {
            throw Refusal.invalid("tenant_id", "no such tenant");
        }
        checkMatch(scope, draft.match());
        if (draft.limit() == null || draft.windowSeconds() == null) {
            throw Refusal.invalid(draft.limit() == null ? "limit" : "window_seconds", "is required");
        }
        if (draft.limit() < 1 || draft.limit() > RateLimitPolicy.MAX_LIMIT) {
            throw Refusal.invalid("limit", "must be a whole number from 1 to " + RateLimitPolicy.MAX_LIMIT);
        }
        if (draft.windowSeconds() < 1 || draft.windowSeconds() > RateLimitPolicy.MAX_WINDOW_SECONDS) {
            throw Refusal.invalid(
                    "window_seconds", "must be a whole number from 1 to " + RateLimitPolicy.MAX_WINDOW_SECONDS);
        }
        var policy = new RateLimitPolicy(
                Ids.next("rl"),
                scope,
                action,
                draft.tenantId(),
                draft.match(),
                draft.limit(),
                draft.windowSeconds(),
                OffsetDateTime.now(clock));
        em.persist(policy);
        changes.fire(new PolicyBook.Changed());
        return policy;
    }

    public List<RateLimitPolicy> all() {
        return em.createNamedQuery(RateLimitPolicy.ALL, RateLimitPolicy.class).getResultList();
    }

    /** Deletes a policy and its counters (shipped defaults too: they are ordinary policies). */
    @Audited(action = "rate_limit.delete", target = RateLimitPolicy.class)
    public void delete(String id) {
        var policy = id == null ? null : em.find(RateLimitPolicy.class, id);
        if (policy == null) {
            throw Refusal.notFound("rate-limit policy");
        }
        em.createNativeQuery("delete from rate_limit_counter where policy_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        em.remove(policy);
        changes.fire(new PolicyBook.Changed());
    }

    /** Counters at their limit whose window has not ended, newest first; phone numbers masked. */
    public List<Hit> hits(int offset, int limit) {
        var now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select c.policy_id, c.subject, c.hits, c.window_start, c.window_end,"
                                + " c.test from rate_limit_counter c join rate_limit_policy p on p.id = c.policy_id"
                                + " where c.hits >= p.limit_count and c.window_end > ?1"
                                + " order by c.window_start desc, c.policy_id, c.subject, c.test")
                .setParameter(1, now)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(this::hit).toList();
    }

    private Hit hit(Object[] row) {
        var policy = em.find(RateLimitPolicy.class, row[0]);
        String subject = (String) row[1];
        if (policy.scope() == Scope.PHONE) {
            subject = PhoneNumbers.mask(subject);
        }
        return new Hit(
                policy, subject, Boolean.TRUE.equals(row[5]), ((Number) row[2]).intValue(), time(row[3]), time(row[4]));
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }

    private static void checkMatch(Scope scope, String match) {
        if (match == null) {
            return;
        }
        switch (scope) {
            case PHONE, PREFIX -> {
                if (!Prefixes.isPrefix(match) || match.length() > 16) {
                    throw Refusal.invalid("match", "must be an E.164 prefix such as +4479");
                }
            }
            case COUNTRY -> {
                if (!com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance()
                        .getSupportedRegions()
                        .contains(match)) {
                    throw Refusal.invalid("match", "must be an ISO 3166 country code such as GB");
                }
            }
            default -> throw Refusal.invalid("match", "must be null for scope " + scope.wireName());
        }
    }
}
