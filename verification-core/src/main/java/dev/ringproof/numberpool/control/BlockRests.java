package dev.ringproof.numberpool.control;

import dev.ringproof.numberpool.entity.HealthRules.Reason;
import dev.ringproof.numberpool.entity.NumberRun;
import dev.ringproof.numberpool.entity.RestedBlock;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * Takes a number's whole block out of the draw, or puts it back. Inserts that may meet a
 * parallel rest of the same block: the first one wins, a rest that has run out is renewed.
 */
@Dependent
public class BlockRests {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    /** Whether the block of {@code number} rests now because of this call (false: it rested already). */
    public boolean rest(
            long number, String country, String poolId, Reason reason, OffsetDateTime now, OffsetDateTime until) {
        NumberRun block = RestedBlock.blockOf(number);
        // a null bound to a native query is typed as text, which PostgreSQL refuses for a timestamp
        String end = until == null ? "null" : "?7";
        var insert = em.createNativeQuery("insert into rested_block (first_number, last_number, country, pool_id,"
                        + " reason, rested_at, rested_until) values (?1, ?2, ?3, ?4, ?5, ?6, " + end
                        + ") on conflict do nothing")
                .setParameter(1, block.first())
                .setParameter(2, block.last())
                .setParameter(3, country)
                .setParameter(4, poolId)
                .setParameter(5, reason.wireName())
                .setParameter(6, now);
        if (until != null) {
            insert.setParameter(7, until);
        }
        if (insert.executeUpdate() == 1) {
            return true;
        }
        // an admin rests it whatever rests it now; a rule renews only a rest that has run out
        String renewable = reason == Reason.ADMIN ? "" : " and rested_until is not null and rested_until <= ?3";
        var update = em.createNativeQuery("update rested_block set reason = ?2, rested_at = ?3, rested_until = "
                        + (until == null ? "null" : "?4") + ", pool_id = ?5 where first_number = ?1" + renewable)
                .setParameter(1, block.first())
                .setParameter(2, reason.wireName())
                .setParameter(3, now)
                .setParameter(5, poolId);
        if (until != null) {
            update.setParameter(4, until);
        }
        return update.executeUpdate() == 1;
    }

    /** Whether the block of {@code number} rested and is back in the draw now. */
    public boolean restore(long number) {
        return em.createNativeQuery("delete from rested_block where first_number = ?1")
                        .setParameter(1, RestedBlock.blockOf(number).first())
                        .executeUpdate()
                == 1;
    }
}
