package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RereadTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger table = new AtomicInteger(1);
    private final AtomicInteger reads = new AtomicInteger();
    private final Reread<Integer> held = new Reread<>(
            () -> {
                reads.incrementAndGet();
                return table.get();
            },
            nanos::get);

    @Test
    void aCopyServesUntilItIsTenSecondsOld() {
        assertThat(held.get()).isEqualTo(1);
        table.set(2); // changed through another server
        nanos.addAndGet(Reread.AT_MOST.toNanos() - 1);
        assertThat(held.get()).isEqualTo(1);
        nanos.addAndGet(1);
        assertThat(held.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeCommittedHereIsReadAtTheNextUse() {
        assertThat(held.get()).isEqualTo(1);
        table.set(2);
        held.changed();
        assertThat(held.get()).isEqualTo(2);
        assertThat(held.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aCopyReadWhileAChangeCommittedIsNotKept() {
        var first = new java.util.concurrent.atomic.AtomicBoolean(true);
        var racing = new java.util.concurrent.atomic.AtomicReference<Reread<Integer>>();
        racing.set(new Reread<>(
                () -> {
                    int value = table.get();
                    if (first.getAndSet(false)) {
                        // the change commits while this read is under way: it has read the old value
                        table.set(2);
                        racing.get().changed();
                    }
                    return value;
                },
                nanos::get));

        assertThat(racing.get().get()).isEqualTo(1);
        assertThat(racing.get().get()).isEqualTo(2);
    }
}
