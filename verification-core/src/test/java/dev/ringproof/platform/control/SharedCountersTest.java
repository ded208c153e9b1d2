package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.platform.boundary.CounterCommits;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A count on a shared row waits for the caller's commit and then runs in a transaction of its own:
 * nothing while the caller's transaction is open (its row would stay locked through that commit),
 * nothing when the caller rolls back, and a failed count is not the caller's failure.
 */
class SharedCountersTest {

    private final Transaction transaction = new Transaction();
    private final List<String> counted = new ArrayList<>();
    private final SharedCounters counters = new SharedCounters();

    SharedCountersTest() {
        counters.transactions = transaction;
        counters.commits = new CounterCommits() {
            @Override
            public void add(Runnable count) {
                counted.add("own transaction");
                count.run();
            }
        };
    }

    @Test
    void aCountWaitsForTheCallersCommitAndThenRunsInATransactionOfItsOwn() {
        List<String> seen = new ArrayList<>();
        counters.afterCommit(() -> seen.add("prefix"));
        counters.afterCommit(() -> seen.add("pool"));
        assertThat(seen).as("nothing while the caller's transaction is open").isEmpty();

        transaction.complete(Status.STATUS_COMMITTED);

        assertThat(seen).containsExactly("prefix", "pool");
        assertThat(counted).containsExactly("own transaction", "own transaction");
    }

    @Test
    void nothingIsCountedForATransactionRolledBack() {
        List<String> seen = new ArrayList<>();
        counters.afterCommit(() -> seen.add("prefix"));

        transaction.complete(Status.STATUS_ROLLEDBACK);

        assertThat(seen).isEmpty();
        assertThat(counted).isEmpty();
    }

    @Test
    void nothingIsCountedForATransactionAlreadyMarkedToRollBack() {
        transaction.status = Status.STATUS_MARKED_ROLLBACK;
        List<String> seen = new ArrayList<>();

        counters.afterCommit(() -> seen.add("prefix"));
        transaction.complete(Status.STATUS_ROLLEDBACK);

        assertThat(seen).isEmpty();
        assertThat(counted).isEmpty();
    }

    @Test
    void withoutATransactionTheCountRunsAtOnceInItsOwn() {
        transaction.status = Status.STATUS_NO_TRANSACTION;
        List<String> seen = new ArrayList<>();

        counters.afterCommit(() -> seen.add("approval"));

        assertThat(seen).containsExactly("approval");
        assertThat(transaction.synchronizations).isEmpty();
    }

    @Test
    void aCountThatFailsAfterTheCommitIsLostAndTheNextOneStillRuns() {
        List<String> seen = new ArrayList<>();
        counters.afterCommit(() -> {
            throw new IllegalStateException("the database went away");
        });
        counters.afterCommit(() -> seen.add("pool"));

        transaction.complete(Status.STATUS_COMMITTED);

        assertThat(seen).containsExactly("pool");
    }

    /** One transaction, as the container's registry shows it to the code running in it. */
    private static final class Transaction implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_ACTIVE;
        final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int outcome) {
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
