package dev.ringproof.usage.entity;

/**
 * An attempt a carrier accepted, as the verification component reports it: ids only, no
 * entity crosses the component line. {@code test} sends are never billed. {@code answered}: a
 * flash call the handset picked up, billed by the carrier as a connected call.
 */
public record BillableSend(
        String tenantId,
        String verificationId,
        String attemptId,
        String channel,
        String country,
        String provider,
        boolean test,
        boolean answered) {}
