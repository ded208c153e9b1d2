package dev.ringproof.platform.control;

import dev.ringproof.platform.boundary.OutboxRelay;
import dev.ringproof.platform.entity.OutboxMessage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays what committed transactions put into the outbox, on two long-lived threads that
 * take every batch waiting and send it through one broker connection. A task on the managed
 * executor per commit cost the request thread a tenth of a start (capturing its context);
 * the queue costs an offer. What the queue drops when full, or loses with the node, the
 * sweep relays (the rows are marked relayed, so once they are overdue).
 */
@ApplicationScoped
public class RelayWorker {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class.getName());
    private static final int THREADS = 2;
    private static final int CAPACITY = 20_000;
    /** The most messages one send takes from the queue. */
    private static final int MAX_BATCH = 200;

    private final BlockingQueue<List<OutboxMessage>> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    OutboxRelay relay;

    /** Starts the threads with the application, in this module's context. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // nothing more: delivering the event creates the bean, and @PostConstruct starts the threads
    }

    @PostConstruct
    void startThreads() {
        for (int i = 0; i < THREADS; i++) {
            Thread thread = threadFactory.newThread(this::drain);
            thread.setName("ringproof-outbox-relay-" + i);
            thread.start();
            threads.add(thread);
        }
    }

    @PreDestroy
    void stopThreads() {
        running = false;
        threads.forEach(Thread::interrupt);
    }

    /** Hands over the committed messages of one transaction; never blocks. */
    public void relayCommitted(List<OutboxMessage> messages) {
        if (!queue.offer(messages)) {
            LOG.warning(() -> "Outbox relay queue full; " + messages.size() + " messages left to the sweep");
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
