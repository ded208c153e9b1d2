package dev.ringproof.telephony.boundary;

/**
 * The sender of the outbound queue's messages, from whom a message is taken before it is sent: one
 * it is not waiting on was never queued by it (forged by someone who reached the broker) or was
 * taken before (a stale copy), and nothing is dialled for it. verification-core keeps them in its
 * outbox.
 */
public interface OutboundOrigin {

    /**
     * Takes the message with this outbox id off the sender's list, in the caller's transaction: a
     * rollback puts it back, and a second taker waits for the first's commit and then finds nothing.
     * False when the sender was not waiting for it (or for null).
     */
    boolean take(String outboxId);
}
