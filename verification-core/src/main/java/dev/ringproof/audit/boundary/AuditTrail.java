package dev.ringproof.audit.boundary;

import dev.ringproof.audit.control.ChangeDiff;
import dev.ringproof.audit.control.EntitySnapshot;
import dev.ringproof.audit.entity.Actor;
import dev.ringproof.audit.entity.AuditEntry;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail: written in the transaction of the change it records (never on its own,
 * so there is no entry of a change that did not happen), read newest first by admins. Nothing
 * here changes or removes an entry, and the database refuses to.
 */
@Stateless
public class AuditTrail {

    private static final int MAX_PAGE = 1000;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    CurrentActor current;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transaction;

    private static final String OPEN_TARGETS = AuditTrail.class.getName() + ".open-targets";

    /** What to look for; any part may be null. Days are UTC and inclusive. */
    public record Criteria(String actor, String target, String action, LocalDate from, LocalDate to) {}

    /** Up to a page of entries, newest first, and the sequence number the next page starts below (null: last page). */
    public record Page(List<AuditEntry> items, Long next) {}

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void write(Actor actor, String action, String targetType, String targetId, ChangeDiff changes) {
        // by SQL, so the database numbers the entry: EclipseLink asks H2 2 for IDENTITY(), which it no longer has
        var entry = new AuditEntry(
                actor, action, targetType, targetId, changes.json().toString(), OffsetDateTime.now(clock));
        em.createNativeQuery(
                        "insert into audit_entry (at, actor, role, address, action, target_type, target_id, changes)"
                                + " values (?1, ?2, ?3, cast(?4 as varchar(64)), ?5, ?6, cast(?7 as varchar(128)), ?8)")
                .setParameter(1, entry.at())
                .setParameter(2, entry.actor())
                .setParameter(3, entry.role())
                .setParameter(4, entry.address())
                .setParameter(5, entry.action())
                .setParameter(6, entry.targetType())
                .setParameter(7, entry.targetId())
                .setParameter(8, entry.changes())
                .executeUpdate();
    }

    /** An entry of what happened without a change of fields (a sign-in), under the given actor. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void write(Actor actor, String action, String targetType, String targetId, Map<String, ?> details) {
        write(actor, action, targetType, targetId, ChangeDiff.of(details));
    }

    /** An entry by whoever makes the current request, of what a call did that is no entity's field change. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void write(String action, String targetType, String targetId, Map<String, ?> details) {
        write(current.actor(), action, targetType, targetId, ChangeDiff.of(details));
    }

    /** Whether the caller runs in a transaction: an audited change is recorded only in its own. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean inTransaction() {
        return transaction.getTransactionKey() != null;
    }

    /** The targets of the audited calls open in the caller's transaction, innermost first. */
    @SuppressWarnings("unchecked")
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Deque<String> openTargets() {
        var open = (Deque<String>) transaction.getResource(OPEN_TARGETS);
        if (open == null) {
            open = new ArrayDeque<>();
            transaction.putResource(OPEN_TARGETS, open);
        }
        return open;
    }

    /** The entity as the caller's persistence context holds it (the same, in the same transaction). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Object find(Class<?> type, String id) {
        return em.find(type, id);
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public EntitySnapshot snapshot(Object entity) {
        return EntitySnapshot.of(em.getMetamodel(), entity);
    }

    /** False once the caller removed it. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean isManaged(Object entity) {
        return em.contains(entity);
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Object idOf(Object entity) {
        return em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page page(Criteria criteria, Long before, int limit) {
        int size = Math.min(Math.max(1, limit), MAX_PAGE);
        Map<String, Object> where = new LinkedHashMap<>();
        put(where, "e.actor = :actor", criteria.actor());
        put(where, "e.targetId = :target", criteria.target());
        put(where, "e.action = :action", criteria.action());
        if (criteria.from() != null) {
            put(where, "e.at >= :from", criteria.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (criteria.to() != null) {
            put(where, "e.at < :to", criteria.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        put(where, "e.seq < :before", before);
        String jpql = "select e from AuditEntry e"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where.keySet()))
                + " order by e.seq desc";
        var query = em.createQuery(jpql, AuditEntry.class);
        where.forEach((condition, value) -> query.setParameter(condition.substring(condition.indexOf(':') + 1), value));
        var items = query.setMaxResults(size + 1).getResultList();
        if (items.size() <= size) {
            return new Page(items, null);
        }
        var page = List.copyOf(items.subList(0, size));
        return new Page(page, page.get(size - 1).seq());
    }

    private static void put(Map<String, Object> where, String condition, Object value) {
        if (value != null && !(value instanceof String text && text.isEmpty())) {
            where.put(condition, value);
        }
    }
}
