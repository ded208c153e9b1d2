package dev.ringproof.verification.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.boundary.Refusal.Reason;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Idempotency-Key (IETF httpapi draft): the first request with a key claims it in a
 * transaction of its own, so however many requests race, one proceeds; the others see
 * it in progress (409), done (the first answer again) or with another body (422). A
 * tenant's live and test keys claim apart: the same key in both worlds is two keys.
 */
@Stateless
public class IdempotencyKeys {

    static final long KEEP_HOURS = 24;
    /** A claim still in progress after this long belongs to a request that died: it may be taken over. */
    static final long ABANDONED_AFTER_SECONDS = 120;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    /** What claiming a key gave: the key, or the earlier answer to give again. */
    public sealed interface Outcome permits Claim, Replay {}

    /** A key this request holds, in the live or the test world. */
    public record Claim(String tenantId, boolean test, String key) implements Outcome {}

    /** The answer of an earlier request with the same key and body, to be given again. */
    public record Replay(String verificationId, int status) implements Outcome {}

    /** Claims the key for this request, or answers the earlier request's result. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome claim(String tenantId, boolean test, String key, String requestHash) {
        var now = OffsetDateTime.now(clock);
        em.createNativeQuery("delete from idempotency_record where tenant_id = ?1 and test = ?2 and idem_key = ?3"
                        + " and (created_at < ?4 or (state = 'in_progress' and created_at < ?5))")
                .setParameter(1, tenantId)
                .setParameter(2, test)
                .setParameter(3, key)
                .setParameter(4, now.minusHours(KEEP_HOURS))
                .setParameter(5, now.minusSeconds(ABANDONED_AFTER_SECONDS))
                .executeUpdate();
        int inserted = em.createNativeQuery("insert into idempotency_record"
                        + " (tenant_id, test, idem_key, request_hash, state, created_at)"
                        + " values (?1, ?2, ?3, ?4, 'in_progress', ?5) on conflict do nothing")
                .setParameter(1, tenantId)
                .setParameter(2, test)
                .setParameter(3, key)
                .setParameter(4, requestHash)
                .setParameter(5, now)
                .executeUpdate();
        if (inserted == 1) {
            return new Claim(tenantId, test, key);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, state, verification_id, response_status"
                        + " from idempotency_record where tenant_id = ?1 and test = ?2 and idem_key = ?3")
                .setParameter(1, tenantId)
                .setParameter(2, test)
                .setParameter(3, key)
                .getResultList();
        if (rows.isEmpty()) {
            throw new Refusal(Reason.IDEMPOTENCY_IN_PROGRESS, "A request with this Idempotency-Key is still running.");
        }
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw new Refusal(
                    Reason.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used with another request body.");
        }
        if (!"done".equals(row[1])) {
            throw new Refusal(Reason.IDEMPOTENCY_IN_PROGRESS, "A request with this Idempotency-Key is still running.");
        }
        return new Replay((String) row[2], ((Number) row[3]).intValue());
    }

    /** Records the answer in the transaction that produced it. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void complete(Claim claim, String verificationId, int status) {
        em.createNativeQuery("update idempotency_record set state = 'done', verification_id = ?1, response_status = ?2"
                        + " where tenant_id = ?3 and test = ?4 and idem_key = ?5")
                .setParameter(1, verificationId)
                .setParameter(2, status)
                .setParameter(3, claim.tenantId())
                .setParameter(4, claim.test())
                .setParameter(5, claim.key())
                .executeUpdate();
    }

    /** Gives the key up after a refused request, so that a corrected retry may use it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(Claim claim) {
        em.createNativeQuery("delete from idempotency_record where tenant_id = ?1 and test = ?2 and idem_key = ?3"
                        + " and state = 'in_progress'")
                .setParameter(1, claim.tenantId())
                .setParameter(2, claim.test())
                .setParameter(3, claim.key())
                .executeUpdate();
    }
}
