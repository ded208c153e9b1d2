package dev.ringproof.user.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.OptionalLong;

/**
 * The failed passwords in a row for one user name, known or not, and whether that name is
 * locked now. A success deletes the streak. Kept in the database, so every node sees it.
 */
@Entity
@Table(name = "sign_in_streak")
public class SignInStreak {

    @Id
    private String username;

    private int failures;

    private int lockouts;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "last_failure_at", nullable = false)
    private OffsetDateTime lastFailureAt;

    protected SignInStreak() {
        // for JPA
    }

    public SignInStreak(String username, OffsetDateTime now) {
        this.username = username;
        this.lastFailureAt = now;
    }

    /** Seconds until the lockout ends (for Retry-After), or empty when the name is not locked at {@code now}. */
    public OptionalLong lockedFor(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now)
                ? OptionalLong.of(SignInRules.secondsUntil(now, lockedUntil))
                : OptionalLong.empty();
    }

    /**
     * Counts a failed password. Reaching the limit, or failing again after a lockout has ended,
     * starts the next lockout, twice as long as the one before (up to the rules' longest). A
     * failure during a lockout (a request that raced it) is counted but does not lengthen it.
     */
    public void fail(OffsetDateTime now, SignInRules rules) {
        failures++;
        lastFailureAt = now;
        if (lockedFor(now).isEmpty() && failures >= rules.failuresBeforeLockout()) {
            lockouts++;
            lockedUntil = now.plus(rules.lockout(lockouts));
        }
    }

    public String username() {
        return username;
    }

    public int failures() {
        return failures;
    }

    public int lockouts() {
        return lockouts;
    }
}
