package dev.ringproof.ratelimit.boundary;

import dev.ringproof.platform.boundary.Refusal;

/**
 * A start or check over a rate-limit policy's limit. Rolls back like every refusal, so the
 * refused request is neither sent nor counted; carries what the IETF RateLimit headers and
 * {@code Retry-After} tell the client.
 */
public class RateLimitExceeded extends Refusal {

    private static final long serialVersionUID = 1L;

    private final String policyId;
    private final int limit;
    private final int windowSeconds;
    private final long retryAfterSeconds;

    public RateLimitExceeded(String policyId, int limit, int windowSeconds, long retryAfterSeconds) {
        this(
                policyId,
                limit,
                windowSeconds,
                retryAfterSeconds,
                "At most " + limit + " per " + windowSeconds + " seconds; retry in " + retryAfterSeconds + " seconds.");
    }

    protected RateLimitExceeded(String policyId, int limit, int windowSeconds, long retryAfterSeconds, String message) {
        super(Reason.RATE_LIMITED, message);
        this.policyId = policyId;
        this.limit = limit;
        this.windowSeconds = windowSeconds;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String policyId() {
        return policyId;
    }

    public int limit() {
        return limit;
    }

    public int windowSeconds() {
        return windowSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
