package dev.ringproof.telephony.boundary;

/**
 * A CDI event fired in the transaction that took an outbound message off the queue,
 * whether it was sent now or had been sent before: its sender may forget it.
 */
public record OutboundConsumed(String outboxId) {}
