package dev.ringproof.user.boundary;

import dev.ringproof.platform.boundary.Refusal;

/** A sign-in refused because of earlier failures (429 {@code rate_limited} with Retry-After on the APIs). */
public class SignInThrottled extends Refusal {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public SignInThrottled(long retryAfterSeconds) {
        super(Reason.RATE_LIMITED, "Too many failed sign-ins: try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
