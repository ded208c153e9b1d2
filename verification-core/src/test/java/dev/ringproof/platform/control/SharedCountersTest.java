package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ringproof.platform.boundary.CounterCommits;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A count on a shared row waits for the caller's commit, then waits in memory with the counts of
 * other commits until one write adds them all to their rows: nothing for a caller that rolls back,
 * nothing lost when a write fails, and a reader on this server sees each count exactly once,
 * pending or in its row, even while a write commits.
 */
class SharedCountersTest {

    private final Transaction transaction = new Transaction();
    /** The rows as committed by the writes. */
    private final Map<SharedCount, Long> rows = new HashMap<>();

    private final List<Map<SharedCount, Long>> writes = new ArrayList<>();
    private final SharedCounters counters = new SharedCounters();
    private boolean databaseDown;

    private static final Row PREFIX = new Row("prefix 44740");
    private static final Row POOL = new Row("pool pl_1");

    SharedCountersTest() {
        counters.transactions = transaction;
        counters.commits = new CounterCommits() {
            @Override
            public void addAll(Map<SharedCount, Long> batch, Synchronization written) {
                if (databaseDown) {
                    written.afterCompletion(Status.STATUS_ROLLEDBACK);
                    throw new IllegalStateException("the database went away");
                }
                writes.add(Map.copyOf(batch));
                written.beforeCompletion();
                batch.forEach((row, n) -> rows.merge(row, n, Long::sum));
                written.afterCompletion(Status.STATUS_COMMITTED);
            }
        };
    }

    @Test
    void countsWaitForTheCallersCommitAndOneWriteAddsThemUp() {
        counters.afterCommit(PREFIX);
        counters.afterCommit(PREFIX);
        counters.afterCommit(POOL);
        assertThat(counted(PREFIX))
                .as("nothing while the caller's transaction is open")
                .isZero();

        transaction.complete(Status.STATUS_COMMITTED);
        assertThat(counted(PREFIX)).as("pending").isEqualTo(2);
        assertThat(rows).isEmpty();

        assertThat(counters.write()).isTrue();

        assertThat(writes).containsExactly(Map.of(PREFIX, 2L, POOL, 1L));
        assertThat(rows).isEqualTo(Map.of(PREFIX, 2L, POOL, 1L));
        assertThat(counters.pending(Row.class, row -> true))
                .as("nothing left pending")
                .isZero();
        assertThat(counters.write()).as("nothing to write").isTrue();
        assertThat(writes).hasSize(1);
    }

    @Test
    void nothingIsCountedForATransactionRolledBack() {
        counters.afterCommit(PREFIX);

        transaction.complete(Status.STATUS_ROLLEDBACK);

        assertThat(counted(PREFIX)).isZero();
    }

    @Test
    void nothingIsCountedForATransactionAlreadyMarkedToRollBack() {
        transaction.status = Status.STATUS_MARKED_ROLLBACK;

        counters.afterCommit(PREFIX);
        transaction.complete(Status.STATUS_ROLLEDBACK);

        assertThat(counted(PREFIX)).isZero();
        assertThat(transaction.synchronizations).isEmpty();
    }

    @Test
    void withoutATransactionTheCountIsPendingAtOnce() {
        transaction.status = Status.STATUS_NO_TRANSACTION;

        counters.afterCommit(PREFIX);

        assertThat(counted(PREFIX)).isEqualTo(1);
        assertThat(transaction.synchronizations).isEmpty();
    }

    @Test
    void aWriteThatFailsLeavesItsCountsForTheNext() {
        counters.afterCommit(PREFIX);
        transaction.complete(Status.STATUS_COMMITTED);
        databaseDown = true;

        assertThat(counters.write()).isFalse();
        assertThat(counted(PREFIX)).as("still pending").isEqualTo(1);

        databaseDown = false;
        assertThat(counters.write()).isTrue();
        assertThat(rows).isEqualTo(Map.of(PREFIX, 1L));
        assertThat(counted(PREFIX)).isEqualTo(1);
    }

    @Test
    void countsForgottenWithTheirRowsAreNotWritten() {
        counters.afterCommit(PREFIX);
        counters.afterCommit(POOL);
        transaction.complete(Status.STATUS_COMMITTED);

        counters.forget(PREFIX::equals);
        counters.write();

        assertThat(rows).isEqualTo(Map.of(POOL, 1L));
    }

    @Test
    void aServerThatStopsWritesWhatIsStillWaiting() {
        counters.threadFactory = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable work) {
                return new Thread(() -> {}); // a writer that never gets to write
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
        counters.startWriter();
        counters.afterCommit(PREFIX);
        transaction.complete(Status.STATUS_COMMITTED);

        counters.stopWriter();

        assertThat(rows).isEqualTo(Map.of(PREFIX, 1L));
    }

    /**
     * The one moment a reader could count twice: the write has committed and its counts are still
     * pending. A reader that comes then waits until they are not.
     */
    @Test
    void aReaderDuringAWritesCommitSeesEachCountOnce() throws Exception {
        counters.afterCommit(PREFIX);
        counters.afterCommit(PREFIX);
        transaction.complete(Status.STATUS_COMMITTED);
        var reader = new CompletableFuture<Long>();
        var readerThread = new Thread(() -> reader.complete(counters.consistently(() -> counted(PREFIX))));
        counters.commits = new CounterCommits() {
            @Override
            public void addAll(Map<SharedCount, Long> batch, Synchronization written) {
                written.beforeCompletion();
                batch.forEach((row, n) -> rows.merge(row, n, Long::sum));
                readerThread.start(); // reads between the commit and the counts leaving the pending ones
                awaitBlocked(readerThread, reader);
                written.afterCompletion(Status.STATUS_COMMITTED);
            }
        };

        counters.write();

        assertThat(reader.get()).isEqualTo(2);
    }

    /**
     * A write does not wait for the reads under way (each a round trip to the database): one that
     * overtakes a read, here between its reading the rows and the pending counts, makes the read run
     * again, and the answer counts each count once. With a read-write lock the write waited for the
     * read, and the reads that came meanwhile for the write.
     */
    @Test
    void aWriteOvertakingAReadDoesNotWaitForItAndTheReadRunsAgain() {
        counters.afterCommit(PREFIX);
        counters.afterCommit(PREFIX);
        transaction.complete(Status.STATUS_COMMITTED);
        var reads = new AtomicInteger();

        long seen = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> counters.consistently(() -> {
                    long inRows = rows.getOrDefault(PREFIX, 0L);
                    if (reads.incrementAndGet() == 1) {
                        assertThat(counters.write()).isTrue(); // on the reading thread itself: it must not wait
                    }
                    return inRows + counters.pending(Row.class, PREFIX::equals);
                }));

        assertThat(seen).isEqualTo(2);
        assertThat(reads).as("read again after the write").hasValue(2);
        assertThat(rows).isEqualTo(Map.of(PREFIX, 2L));
    }

    /** In the rows plus pending: what a reader on this server counts. */
    private long counted(Row row) {
        return rows.getOrDefault(row, 0L) + counters.pending(Row.class, row::equals);
    }

    private static void awaitBlocked(Thread thread, CompletableFuture<?> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.isDone() && thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private record Row(String name) implements SharedCount {
        @Override
        public int add(EntityManager em, long n) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void open(EntityManager em) {
            throw new UnsupportedOperationException();
        }
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
