package dev.ringproof.platform.control;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A small table held in memory, as a whole: read again when the copy is older than {@link
 * #AT_MOST}, so a change made through another server is seen here within that time, and at the
 * next use after {@link #changed()}, which a change made through this server calls once it has
 * committed. A copy read while a change was under way is never kept past that change: each copy
 * carries the count of changes seen before its read began.
 */
public final class Reread<T> {

    /** The bound on how late a change made through another server is seen here. */
    public static final Duration AT_MOST = Duration.ofSeconds(10);

    private record Copy<T>(T value, long readAt, long changesBefore) {}

    private final Supplier<T> read;
    private final LongSupplier nanoTime;
    private final AtomicLong changes = new AtomicLong();
    private volatile Copy<T> copy;

    public Reread(Supplier<T> read) {
        this(read, System::nanoTime);
    }

    Reread(Supplier<T> read, LongSupplier nanoTime) {
        this.read = read;
        this.nanoTime = nanoTime;
    }

    /** The held copy, or a fresh one when it is too old or a change has committed since it was read. */
    public T get() {
        var held = copy;
        long now = nanoTime.getAsLong();
        long changesNow = changes.get();
        if (held != null && held.changesBefore() == changesNow && now - held.readAt() < AT_MOST.toNanos()) {
            return held.value();
        }
        T value = read.get();
        copy = new Copy<>(value, now, changesNow);
        return value;
    }

    /** A change of the table has committed: the next use reads it again. */
    public void changed() {
        changes.incrementAndGet();
    }
}
