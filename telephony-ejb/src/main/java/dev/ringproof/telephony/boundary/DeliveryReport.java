package dev.ringproof.telephony.boundary;

/**
 * A CDI event fired in the transaction that handed an attempt to a carrier: whether the
 * carrier took it. verification-core observes it to move the attempt on, and to count the
 * flash call against its caller number ({@code callerNumber}, in clear only in memory, null
 * for other channels): {@code answered} when the handset picked up, {@code outcome} as the
 * carrier said.
 */
public record DeliveryReport(
        String attemptId,
        String channel,
        String provider,
        boolean accepted,
        String providerReference,
        String reason,
        String callerNumber,
        Delivery.Outcome outcome,
        boolean answered) {}
