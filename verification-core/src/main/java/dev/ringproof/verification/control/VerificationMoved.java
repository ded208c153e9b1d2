package dev.ringproof.verification.control;

/**
 * What happened to a verification, as the metrics count it: {@code step} is started, approved,
 * failed, expired, canceled or fallback; {@code channel} the channel in effect after the step;
 * {@code country} the number's ISO region. Nothing that names a tenant or a number.
 */
public record VerificationMoved(String step, String channel, String country) {}
