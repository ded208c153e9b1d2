package dev.ringproof.platform.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The shared counts this server's transactions committed and no write has yet added to their
 * rows. A reader that adds them to what it reads from the rows ({@link #consistently}) sees every
 * count once: the write's commit and the counts' removal happen together, between two reads.
 */
final class PendingCounts {

    private final Map<SharedCount, Long> counts = new ConcurrentHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

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
            private boolean locked;

            @Override
            public void beforeCompletion() {
                lock.writeLock().lock();
                locked = true;
            }

            @Override
            public void afterCompletion(int status) {
                try {
                    if (status == Status.STATUS_COMMITTED) {
                        batch.forEach(
                                (count, n) -> counts.computeIfPresent(count, (c, now) -> now > n ? now - n : null));
                    }
                } finally {
                    if (locked) {
                        lock.writeLock().unlock();
                    }
                }
            }
        };
    }

    /** Runs {@code read} (of the rows, and of {@link #sum}) where no write commits meanwhile. */
    <R> R consistently(Supplier<R> read) {
        lock.readLock().lock();
        try {
            return read.get();
        } finally {
            lock.readLock().unlock();
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
