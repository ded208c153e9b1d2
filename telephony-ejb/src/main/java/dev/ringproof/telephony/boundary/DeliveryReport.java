package dev.ringproof.telephony.boundary;

/**
 * A CDI event fired in the transaction that handed an attempt to a carrier: whether the
 * carrier took it. verification-core observes it to move the attempt on.
 */
public record DeliveryReport(
        String attemptId, String channel, String provider, boolean accepted, String providerReference, String reason) {}
