package dev.ringproof.platform.control;

import dev.ringproof.platform.boundary.CounterCommits;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts on rows that every start or send touches (a prefix's minute, a pool's day), once the
 * caller's transaction has committed, across requests: the counts wait in memory and one thread
 * adds all that are waiting to their rows in one short transaction ({@link CounterCommits}), at
 * most every 20 ms. Counted inside the caller's transaction, such a row stayed locked until
 * that commit's flush to disk, so starts queued on it one flush after another; counted in a
 * transaction of its own per request, each start paid a second transaction. A reader on this
 * server that needs the exact counts adds those still waiting ({@link #consistently}, {@link
 * #pending}); another server sees them once written, some 20 ms later. What the caller
 * rolls back is not counted; a write that fails leaves its counts waiting for the next one; a
 * server that stops writes them first, and one that dies loses those it had not written yet,
 * never anything else.
 */
@ApplicationScoped
public class SharedCounters {

    private static final Logger LOG = Logger.getLogger(SharedCounters.class.getName());

    /**
     * The writer writes at most this often: counts that come in meanwhile wait for the next write
     * and share it. A write after a quiet spell goes at once.
     */
    private static final Duration AT_MOST_EVERY = Duration.ofMillis(20);

    /** How long a stop waits for a write under way before the last write (none if it is still under way). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** How long the writer waits for a count before it tries again what a failed write left. */
    private static final long RETRY_SECONDS = 1;

    private final PendingCounts pending = new PendingCounts();
    private final BlockingQueue<Boolean> signal = new ArrayBlockingQueue<>(1);
    private volatile boolean running = true;
    private Thread writer;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedThreadFactory threadFactory;

    @EJB
    CounterCommits commits;

    @PostConstruct
    void startWriter() {
        writer = threadFactory.newThread(this::writeWhenCounted);
        writer.setName("ringproof-shared-counters");
        writer.start();
    }

    /** Stops the writer, then writes what is still waiting: a server stopped in good order loses no count. */
    @PreDestroy
    void stopWriter() {
        running = false;
        writer.interrupt();
        try {
            writer.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!writer.isAlive()) {
            write();
        }
    }

    /** Counts once the caller's transaction commits; at once without one; never for one marked to roll back. */
    public void afterCommit(SharedCount count) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            counted(count);
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
                if (status == Status.STATUS_COMMITTED) {
                    counted(count);
                }
            }
        });
    }

    /**
     * Runs {@code read}, of shared rows and of {@link #pending} counts, where no write of this
     * server commits meanwhile: each count is then either in the rows or pending, never both. A
     * write does not wait for it: {@code read} runs again if one came in between, so it must have
     * no effect but its answer; calls do not nest.
     */
    public <R> R consistently(Supplier<R> read) {
        return pending.consistently(read);
    }

    /** The counts committed here and not yet in the rows, of the rows of {@code type} that {@code which} accepts. */
    public <C extends SharedCount> long pending(Class<C> type, Predicate<C> which) {
        return pending.sum(type, which);
    }

    /** Forgets the waiting counts {@code which} accepts, in the transaction that drops their rows. */
    public void forget(Predicate<SharedCount> which) {
        pending.forget(which);
    }

    void counted(SharedCount count) {
        pending.add(count);
        signal.offer(Boolean.TRUE);
    }

    /** Writes what is waiting; true when nothing was or all of it is written. */
    boolean write() {
        var batch = pending.batch();
        if (batch.isEmpty()) {
            return true;
        }
        try {
            commits.addAll(batch, pending.written(batch));
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Shared counters not written; they wait for the next write", e);
            return false;
        }
    }

    private void writeWhenCounted() {
        long lastWrite = System.nanoTime() - AT_MOST_EVERY.toNanos();
        while (running) {
            try {
                if (signal.poll(RETRY_SECONDS, TimeUnit.SECONDS) != null || !pending.isEmpty()) {
                    TimeUnit.NANOSECONDS.sleep(lastWrite + AT_MOST_EVERY.toNanos() - System.nanoTime());
                    write();
                    lastWrite = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
