package dev.ringproof.ratelimit.boundary;

import java.time.Duration;

/** A number reached the cap of wrong codes in a row; its checks wait out the lockout. */
public class FailedCheckCapReached extends RateLimitExceeded {

    private static final long serialVersionUID = 1L;

    /** What the RateLimit headers call the cap: it is no policy, so nobody can delete it. */
    public static final String NAME = "failed_checks_per_phone";

    public FailedCheckCapReached(int cap, Duration lockout, long retryAfterSeconds) {
        super(
                NAME,
                cap,
                (int) lockout.toSeconds(),
                retryAfterSeconds,
                cap + " wrong codes in a row for this number: its checks resume in " + retryAfterSeconds + " seconds.");
    }
}
