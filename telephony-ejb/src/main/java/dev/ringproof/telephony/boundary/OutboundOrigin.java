package dev.ringproof.telephony.boundary;

/**
 * The sender of the outbound queue's messages, asked before a message is sent: one it is not
 * waiting on was never queued by it (forged by someone who reached the broker) or was sent
 * before (a stale copy), and nothing is dialled for it. verification-core answers from its outbox.
 */
public interface OutboundOrigin {

    /** Whether the sender still waits for the send of the message with this outbox id (null: no). */
    boolean awaits(String outboxId);
}
