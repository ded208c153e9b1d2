package dev.ringproof.user.entity;

import java.time.Duration;

/**
 * How sign-ins are throttled: after {@code failuresBeforeLockout} failed passwords in a row a
 * user name is locked for {@code firstLockout}; each further failure after a lockout has ended
 * locks it again for twice as long, up to {@code maxLockout}. An address with
 * {@code addressFailures} failed sign-ins within {@code addressWindow} is refused until that
 * window ends. The documented values (docs/security.md) are {@link #DEFAULTS}.
 */
public record SignInRules(
        int failuresBeforeLockout,
        Duration firstLockout,
        Duration maxLockout,
        int addressFailures,
        Duration addressWindow) {

    public static final SignInRules DEFAULTS =
            new SignInRules(10, Duration.ofSeconds(30), Duration.ofMinutes(15), 100, Duration.ofMinutes(10));

    public SignInRules {
        if (failuresBeforeLockout < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("a sign-in limit is at least 1");
        }
        if (firstLockout.isNegative()
                || firstLockout.isZero()
                || maxLockout.compareTo(firstLockout) < 0
                || addressWindow.isNegative()
                || addressWindow.isZero()) {
            throw new IllegalArgumentException("lockouts and the address window must be positive, the longest"
                    + " lockout no shorter than the first");
        }
    }

    /** The length of the {@code n}th lockout in a row (1 = the first): doubling, capped. */
    public Duration lockout(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("lockouts count from 1");
        }
        Duration length = firstLockout;
        for (int i = 1; i < n && length.compareTo(maxLockout) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(maxLockout) > 0 ? maxLockout : length;
    }

    /** Whole seconds from {@code now} to {@code until}, at least 1: what {@code Retry-After} says. */
    public static long secondsUntil(java.time.OffsetDateTime now, java.time.OffsetDateTime until) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
