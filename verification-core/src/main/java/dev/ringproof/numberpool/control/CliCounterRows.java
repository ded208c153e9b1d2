package dev.ringproof.numberpool.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Creates missing health counter rows, each in a transaction of its own, so that parallel
 * starts and reports all find the row and increment it under its lock instead of racing to
 * insert it inside their own transactions. The rows of ended hours are left to
 * {@link CliCounters#forgetEndedHours}, every ten minutes for all numbers at once; the pool's
 * row of the day is inserted once a day per server ({@link OpenPoolDays}).
 */
@Stateless
public class CliCounterRows {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    OpenPoolDays openPoolDays;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Opens a number's hour and day, and its pool's day unless this server saw that opened. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(String cliKey, String sealed, String poolId, OffsetDateTime hour, LocalDate day) {
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
        if (!openPoolDays.isOpen(poolId, day)) {
            em.createNativeQuery("insert into pool_day (pool_id, on_day, placed, approved) values (?1, ?2, 0, 0)"
                            + " on conflict do nothing")
                    .setParameter(1, poolId)
                    .setParameter(2, day)
                    .executeUpdate();
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing: only a committed row counts as opened
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        openPoolDays.opened(poolId, day);
                    }
                }
            });
        }
    }
}
