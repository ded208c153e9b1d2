package dev.ringproof.numberpool.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Creates missing health counter rows, each in a transaction of its own, so that parallel
 * starts and reports all find the row and increment it under its lock instead of racing to
 * insert it inside their own transactions.
 */
@Stateless
public class CliCounterRows {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    /** Opens a number's hour (dropping its ended hours), day and its pool's day. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(String cliKey, String sealed, String poolId, OffsetDateTime hour, LocalDate day) {
        em.createNativeQuery("delete from cli_hour where cli_key = ?1 and hour_start < ?2")
                .setParameter(1, cliKey)
                .setParameter(2, hour)
                .executeUpdate();
        em.createNativeQuery(
                        "insert into cli_hour (cli_key, hour_start, calls) values (?1, ?2, 0) on conflict do nothing")
                .setParameter(1, cliKey)
                .setParameter(2, hour)
                .executeUpdate();
        em.createNativeQuery("insert into cli_day (cli_key, on_day, pool_id, sealed, placed, ringing, answered, failed,"
                        + " approved) values (?1, ?2, ?3, ?4, 0, 0, 0, 0, 0) on conflict do nothing")
                .setParameter(1, cliKey)
                .setParameter(2, day)
                .setParameter(3, poolId)
                .setParameter(4, sealed)
                .executeUpdate();
        CliCounters.PoolDay.openRow(em, poolId, day);
    }
}
