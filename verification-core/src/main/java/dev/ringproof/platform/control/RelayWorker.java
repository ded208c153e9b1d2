package dev.ringproof.platform.control;

import dev.ringproof.platform.boundary.OutboxRelay;
import dev.ringproof.platform.entity.OutboxMessage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Relays what committed transactions put into the outbox, on two long-lived threads that
 * take every batch waiting and send it through one broker connection. A task on the managed
 * executor per commit cost the request thread a tenth of a start (capturing its context);
 * the queue costs an offer. What the queue drops when full, or loses with the node, the
 * sweep relays (the rows are marked relayed, so once they are overdue).
 *
 * <p>A message due now for a queue with an {@link InProcessConsumer} (an attempt's first send)
 * skips the broker: one of {@code outbox.send-threads} threads hands it to that consumer. The
 * broker's store and delivery cost a start about a tenth of its time and delayed the call;
 * when those threads are all busy (a slow carrier), or the consumer here failed, the message goes
 * through the broker as before.
 */
@ApplicationScoped
public class RelayWorker {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class.getName());
    private static final int THREADS = 2;
    private static final int CAPACITY = 20_000;
    /** The most messages one send takes from the queue. */
    private static final int MAX_BATCH = 200;

    /** Messages waiting per in-process sending thread before the broker takes the overflow. */
    private static final int WAITING_PER_SENDER = 4;

    private final BlockingQueue<List<OutboxMessage>> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, InProcessConsumer> inProcess = new HashMap<>();
    private BlockingQueue<OutboxMessage> toConsume;
    private volatile boolean running = true;

    @Inject
    @ConfigProperty(name = "outbox.send-threads", defaultValue = "8")
    int sendThreads;

    @Inject
    Clock clock;

    @Resource
    ManagedThreadFactory threadFactory;

    @EJB
    OutboxRelay relay;

    /** The queues whose messages are consumed in this server when due now. */
    @Inject
    void consumeHere(@Any Instance<InProcessConsumer> consumers) {
        consumers.forEach(this::consumeHere);
    }

    void consumeHere(InProcessConsumer consumer) {
        inProcess.put(consumer.queue(), consumer);
    }

    /** Starts the threads with the application, in this module's context. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // nothing more: delivering the event creates the bean, and @PostConstruct starts the threads
    }

    @PostConstruct
    void startThreads() {
        toConsume = new ArrayBlockingQueue<>(Math.max(1, sendThreads * WAITING_PER_SENDER));
        for (int i = 0; i < THREADS; i++) {
            start(this::drain, "ringproof-outbox-relay-" + i);
        }
        for (int i = 0; i < sendThreads; i++) {
            start(this::consume, "ringproof-outbox-send-" + i);
        }
    }

    private void start(Runnable work, String name) {
        Thread thread = threadFactory.newThread(work);
        thread.setName(name);
        thread.start();
        threads.add(thread);
    }

    @PreDestroy
    void stopThreads() {
        running = false;
        threads.forEach(Thread::interrupt);
    }

    /** Hands over the committed messages of one transaction; never blocks. */
    public void relayCommitted(List<OutboxMessage> messages) {
        var toBroker = inProcess.isEmpty() ? messages : withoutThoseConsumedHere(messages);
        if (!toBroker.isEmpty() && !queue.offer(toBroker)) {
            LOG.warning(() -> "Outbox relay queue full; " + toBroker.size() + " messages left to the sweep");
        }
    }

    /** {@code messages} less those due now that an in-process consumer has room to take. */
    private List<OutboxMessage> withoutThoseConsumedHere(List<OutboxMessage> messages) {
        var now = OffsetDateTime.now(clock);
        List<OutboxMessage> toBroker = new ArrayList<>(messages.size());
        for (var message : messages) {
            boolean here = inProcess.containsKey(message.queue())
                    && !message.deliverAt().isAfter(now)
                    && toConsume.offer(message);
            if (!here) {
                toBroker.add(message);
            }
        }
        return toBroker;
    }

    private void consume() {
        while (running) {
            OutboxMessage message = null;
            try {
                message = toConsume.poll(1, TimeUnit.SECONDS);
                if (message != null) {
                    inProcess.get(message.queue()).consume(message);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                toBrokerAfterFailure(message, e);
            }
        }
    }

    /**
     * A message whose consumer here failed (its transaction rolled back, the row is still there)
     * goes through the broker at once, whose listener tries it again; the sweep would relay it
     * only once it is 20 s overdue. Sent twice it is not: the
     * consumer takes the row first, so a copy after a send that did commit finds none.
     */
    private void toBrokerAfterFailure(OutboxMessage message, RuntimeException failure) {
        if (message != null && queue.offer(List.of(message))) {
            LOG.log(
                    Level.WARNING,
                    "Outbox message " + message.id() + " not consumed here; relayed to the broker",
                    failure);
        } else {
            String id = message == null ? "?" : message.id();
            LOG.log(Level.WARNING, "Outbox message " + id + " not consumed here; the sweep relays it", failure);
        }
    }

    private void drain() {
        List<List<OutboxMessage>> taken = new ArrayList<>();
        while (running) {
            try {
                var first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, MAX_BATCH - 1);
                List<OutboxMessage> batch = new ArrayList<>();
                taken.forEach(batch::addAll);
                relay.relay(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox relay failed; the sweep relays what it left", e);
            } finally {
                taken.clear();
            }
        }
    }
}
