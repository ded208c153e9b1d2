package dev.ringproof.ratelimit.boundary;

/** A new rate-limit policy as an admin asked for it; {@code action} null means start. */
public record PolicyDraft(
        String scope, String action, String tenantId, String match, Integer limit, Integer windowSeconds) {}
