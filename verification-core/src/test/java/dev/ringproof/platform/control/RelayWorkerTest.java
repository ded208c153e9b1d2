package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.platform.boundary.OutboxRelay;
import dev.ringproof.platform.entity.OutboxMessage;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the relay hands to a consumer in this server, and what it still sends through the broker. */
class RelayWorkerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String OUTBOUND = "Outbound";
    /** The message whose consumer here fails. */
    private static final String FAILS = "ob_fails";

    private final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> consumed = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> toBroker = new LinkedBlockingQueue<>();
    private final CountDownLatch consumerMayGoOn = new CountDownLatch(1);
    private final RelayWorker worker = new RelayWorker();

    @AfterEach
    void stop() {
        consumerMayGoOn.countDown();
        worker.stopThreads();
    }

    @Test
    void aMessageDueNowGoesToItsConsumerAndATimerToTheBroker() throws InterruptedException {
        start(false);

        worker.relayCommitted(List.of(message("ob_send", OUTBOUND, 0), message("ob_timer", OUTBOUND, 20)));

        assertThat(consumed.poll(5, TimeUnit.SECONDS)).isEqualTo("ob_send");
        assertThat(toBroker.poll(5, TimeUnit.SECONDS)).isEqualTo("ob_timer");
        assertThat(toBroker).isEmpty();
    }

    @Test
    void aQueueWithoutAConsumerHereGoesToTheBroker() throws InterruptedException {
        start(false);

        worker.relayCommitted(List.of(message("ob_fallback", "Fallbacks", 0)));

        assertThat(toBroker.poll(5, TimeUnit.SECONDS)).isEqualTo("ob_fallback");
        assertThat(consumed).isEmpty();
    }

    @Test
    void whenTheSendersAreBusyTheBrokerTakesTheOverflowAndNothingIsLost() throws InterruptedException {
        start(true);
        worker.relayCommitted(List.of(message("ob_0", OUTBOUND, 0)));
        assertThat(started.poll(5, TimeUnit.SECONDS)).isEqualTo("ob_0");
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 1; i < 10; i++) {
            messages.add(message("ob_" + i, OUTBOUND, 0));
        }

        worker.relayCommitted(messages);

        // the one sender thread is busy with ob_0, with room for 4 more waiting: the other 5 go to the broker
        List<String> relayed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            relayed.add(toBroker.poll(5, TimeUnit.SECONDS));
        }
        consumerMayGoOn.countDown();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(consumed.poll(5, TimeUnit.SECONDS));
        }
        assertThat(sent).containsExactly("ob_0", "ob_1", "ob_2", "ob_3", "ob_4");
        assertThat(relayed).containsExactly("ob_5", "ob_6", "ob_7", "ob_8", "ob_9");
    }

    @Test
    void aMessageWhoseConsumerHereFailsGoesToTheBrokerAtOnce() throws InterruptedException {
        start(false);

        worker.relayCommitted(List.of(message(FAILS, OUTBOUND, 0), message("ob_after", OUTBOUND, 0)));

        assertThat(toBroker.poll(5, TimeUnit.SECONDS)).isEqualTo(FAILS);
        assertThat(consumed.poll(5, TimeUnit.SECONDS)).isEqualTo("ob_after");
        assertThat(consumed).isEmpty();
    }

    private void start(boolean consumerWaits) {
        worker.threadFactory = new ThreadsOfTheTest();
        worker.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        worker.sendThreads = 1;
        worker.relay = new OutboxRelay() {
            @Override
            public void relay(List<OutboxMessage> messages) {
                messages.forEach(m -> toBroker.add(m.id()));
            }
        };
        worker.consumeHere(new InProcessConsumer() {
            @Override
            public String queue() {
                return OUTBOUND;
            }

            @Override
            public void consume(OutboxMessage message) {
                started.add(message.id());
                if (message.id().equals(FAILS)) {
                    throw new IllegalStateException("a lock timeout, say");
                }
                try {
                    if (consumerWaits) {
                        consumerMayGoOn.await();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                consumed.add(message.id());
            }
        });
        worker.startThreads();
    }

    private static OutboxMessage message(String id, String queue, int dueInSeconds) {
        var now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
        return new OutboxMessage(id, queue, "{}", now.plusSeconds(dueInSeconds), now, now);
    }

    private static final class ThreadsOfTheTest implements ManagedThreadFactory {

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work);
            thread.setDaemon(true);
            return thread;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
        }
    }
}
