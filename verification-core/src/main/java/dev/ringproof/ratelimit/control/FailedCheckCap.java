package dev.ringproof.ratelimit.control;

import dev.ringproof.ratelimit.boundary.FailedCheckCapReached;
import dev.ringproof.ratelimit.entity.FailedCheckStreak;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * Keeps {@link FailedCheckStreak}s, in the check's transaction. The streak's row stays locked
 * from the read to the commit, so parallel checks of one number queue on it and none slips
 * past the cap; a refused check rolls back and is not counted.
 */
@Dependent
public class FailedCheckCap {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    /** Refuses the check if the number's streak is at the cap, else counts its outcome. */
    public void count(String phone, boolean test, boolean valid, OffsetDateTime now) {
        String subject = FailedCheckStreak.subjectOf(phone, test);
        var streak = em.find(FailedCheckStreak.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (streak != null && streak.locks(now)) {
            throw new FailedCheckCapReached(
                    FailedCheckStreak.CAP, FailedCheckStreak.LOCKOUT, streak.retryAfterSeconds(now));
        }
        if (valid) {
            if (streak != null) {
                em.remove(streak);
            }
            return;
        }
        if (streak == null) {
            // two first failures at once: one inserts, the other waits for it and then counts on its row
            em.createNativeQuery("insert into failed_check_streak (subject, failures, last_failed_at)"
                            + " values (?1, 0, ?2) on conflict do nothing")
                    .setParameter(1, subject)
                    .setParameter(2, now)
                    .executeUpdate();
            streak = em.find(FailedCheckStreak.class, subject, LockModeType.PESSIMISTIC_WRITE);
        }
        streak.failed(now);
    }
}
