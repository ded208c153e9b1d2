package dev.ringproof.ratelimit.entity;

/**
 * What a rate limit or the fraud guard looks at: one start or check, of live or test traffic
 * ({@code test}), which are counted apart. {@code ip} is null for checks and for starts without an address.
 */
public record Traffic(
        Action action, String tenantId, boolean test, String phone, String country, String prefix, String ip) {}
