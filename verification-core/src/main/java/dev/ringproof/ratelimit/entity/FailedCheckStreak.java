package dev.ringproof.ratelimit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Wrong codes in a row for one phone number, across its verifications and tenants: the
 * last-resort cap behind the rate-limit policies, which admins may delete. At {@link #CAP}
 * the number's checks are refused until {@link #LOCKOUT} has passed since the last wrong
 * code; a right code ends the streak. Live and test traffic keep streaks of their own.
 */
@Entity
@Table(name = "failed_check_streak")
public class FailedCheckStreak {

    public static final int CAP = 100;
    public static final Duration LOCKOUT = Duration.ofHours(24);

    @Id
    private String subject;

    private int failures;

    @Column(name = "last_failed_at")
    private OffsetDateTime lastFailedAt;

    protected FailedCheckStreak() {
        // for JPA
    }

    /** A streak before its first wrong code (as stored by the first one). */
    public FailedCheckStreak(String subject, OffsetDateTime now) {
        this.subject = subject;
        this.lastFailedAt = now;
    }

    public static String subjectOf(String phone, boolean test) {
        return (test ? "test:" : "live:") + phone;
    }

    /** Whether checks of this number are refused now. */
    public boolean locks(OffsetDateTime now) {
        return failures >= CAP && !lapsed(now);
    }

    public long retryAfterSeconds(OffsetDateTime now) {
        return Math.max(1, Duration.between(now, lastFailedAt.plus(LOCKOUT)).toSeconds());
    }

    /** One more wrong code; a streak quiet for the lockout period starts again. */
    public void failed(OffsetDateTime now) {
        failures = lapsed(now) ? 1 : failures + 1;
        lastFailedAt = now;
    }

    private boolean lapsed(OffsetDateTime now) {
        return !now.isBefore(lastFailedAt.plus(LOCKOUT));
    }

    public int failures() {
        return failures;
    }
}
