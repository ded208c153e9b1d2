package dev.ringproof.platform.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The shared counts this server's transactions committed and no write has yet added to their
 * rows. A reader that adds them to what it reads from the rows ({@link #consistently}) sees every
 * count once: the write's commit and the counts' removal happen together, between two reads.
 */
final class PendingCounts {

    private final Map<SharedCount, Long> counts = new ConcurrentHashMap<>();
    /**
     * Held for writing from just before a write's commit until its counts are no longer pending.
     * Readers read optimistically and read again, under the read lock, only when a write came in
     * between: with a read-write lock every read (a database round trip) held the lock, the writer
     * waited for the reads under way and the reads that came meanwhile waited for it, and at 16
     * clients one start in eleven waited 4 ms on average (Flight Recorder, 2026-11-30).
     */
    private final StampedLock lock = new StampedLock();

    void add(SharedCount count) {
        counts.merge(count, 1L, Long::sum);
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** What is pending now, in one order on every server (two writers then never wait on each other's rows in turn). */
    Map<SharedCount, Long> batch() {
        Map<SharedCount, Long> batch = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().toString()))
                .forEach(e -> batch.put(e.getKey(), e.getValue()));
        return batch;
    }

    /**
     * For the transaction that writes {@code batch}: from just before its commit until the batch
     * is no longer pending (or, if it rolled back, still is), no reader reads.
     */
    Synchronization written(Map<SharedCount, Long> batch) {
        return new Synchronization() {
            private long stamp;

            @Override
            public void beforeCompletion() {
                stamp = lock.writeLock();
            }

            @Override
            public void afterCompletion(int status) {
                try {
                    if (status == Status.STATUS_COMMITTED) {
                        batch.forEach(
                                (count, n) -> counts.computeIfPresent(count, (c, now) -> now > n ? now - n : null));
                    }
                } finally {
                    if (stamp != 0) {
                        lock.unlockWrite(stamp);
                    }
                }
            }
        };
    }

    /**
     * Runs {@code read} (of the rows, and of {@link #sum}) where no write commits meanwhile: once
     * without a lock, and again under the read lock if a write began meanwhile. {@code read} must
     * have no effect but its answer, as it may run twice; calls do not nest.
     */
    <R> R consistently(Supplier<R> read) {
        long optimistic = lock.tryOptimisticRead();
        if (optimistic != 0) {
            R answer = read.get();
            if (lock.validate(optimistic)) {
                return answer;
            }
        }
        long stamp = lock.readLock();
        try {
            return read.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** The pending counts of the rows of {@code type} that {@code which} accepts, added up. */
    <C extends SharedCount> long sum(Class<C> type, Predicate<C> which) {
        long sum = 0;
        for (var entry : counts.entrySet()) {
            if (type.isInstance(entry.getKey()) && which.test(type.cast(entry.getKey()))) {
                sum += entry.getValue();
            }
        }
        return sum;
    }

    /** Forgets the pending counts {@code which} accepts: their rows were dropped. */
    void forget(Predicate<SharedCount> which) {
        counts.keySet().removeIf(which);
    }
}
