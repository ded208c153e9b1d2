package dev.ringproof.platform.control;

import dev.ringproof.platform.entity.OutboxMessage;

/**
 * The consumer of a queue that also takes its messages straight from the {@link RelayWorker},
 * in this server, once the transaction that put them has committed, instead of through the
 * broker. It must be idempotent like every consumer: should the relay fail, or the server die
 * first, the sweep relays the row through the broker to the queue's listener.
 */
public interface InProcessConsumer {

    /** The queue whose messages, when due now, this consumer takes. */
    String queue();

    /** Acts on {@code message} in a transaction of its own; it is deleted there when consumed. */
    void consume(OutboxMessage message);
}
