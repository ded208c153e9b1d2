package dev.ringproof.platform.control;

import dev.ringproof.platform.boundary.CounterCommits;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts on rows that every start or send touches (a prefix's minute, a pool's day) once the
 * caller's transaction has committed, on the caller's thread before it returns, through
 * {@link CounterCommits}. Counted inside the caller's transaction, such a row stayed locked until
 * that commit's flush to disk, so all starts queued on it one flush after another: no two
 * commits could share a flush, and one slow flush stalled every start behind it. What the
 * caller rolls back is not counted; a count that fails is logged and lost, never the caller's.
 */
@Dependent
public class SharedCounters {

    private static final Logger LOG = Logger.getLogger(SharedCounters.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    @EJB
    CounterCommits commits;

    /**
     * Runs {@code count} in a transaction of its own once the caller's commits; at once without one;
     * never for a transaction already marked to roll back.
     */
    public void afterCommit(Runnable count) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            commits.add(count);
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // marked to roll back, or already ending: it will not commit with this count in it
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: the count waits for the outcome
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    commits.add(count);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A shared counter missed one count", e);
                }
            }
        });
    }
}
