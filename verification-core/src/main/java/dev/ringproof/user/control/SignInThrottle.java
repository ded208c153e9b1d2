package dev.ringproof.user.control;

import dev.ringproof.user.entity.AddressFailures;
import dev.ringproof.user.entity.SignInRules;
import dev.ringproof.user.entity.SignInStreak;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed sign-ins per user name and per client address in the database, so that every
 * node of a cluster refuses a locked name at once. Failures are written in a transaction of
 * their own: a refused request that rolls back (a wrong current password on the account page)
 * still counts. The password itself is checked by the caller between {@link #check} and
 * {@link #failed}/{@link #succeeded}, without holding a lock.
 */
@Stateless
public class SignInThrottle {

    /** Streaks without a failure for this long are forgotten (their lockouts start again at the first length). */
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    static final String OPEN_STREAK = "insert into sign_in_streak (username, failures, lockouts, last_failure_at)"
            + " values (?1, 0, 0, ?2) on conflict do nothing";
    static final String OPEN_ADDRESS = "insert into sign_in_address (address, window_start, failures)"
            + " values (?1, ?2, 0) on conflict do nothing";
    static final String FORGET_STREAKS = "delete from sign_in_streak where last_failure_at < ?1"
            + " and (locked_until is null or locked_until < ?2)";
    static final String FORGET_ADDRESSES = "delete from sign_in_address where window_start < ?1";

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "signin.throttle.failures", defaultValue = "10")
    int failuresBeforeLockout;

    @Inject
    @ConfigProperty(name = "signin.throttle.first-lockout", defaultValue = "PT30S")
    Duration firstLockout;

    @Inject
    @ConfigProperty(name = "signin.throttle.max-lockout", defaultValue = "PT15M")
    Duration maxLockout;

    @Inject
    @ConfigProperty(name = "signin.throttle.address-failures", defaultValue = "100")
    int addressFailures;

    @Inject
    @ConfigProperty(name = "signin.throttle.address-window", defaultValue = "PT10M")
    Duration addressWindow;

    private SignInRules rules;

    @PostConstruct
    void configure() {
        rules = new SignInRules(failuresBeforeLockout, firstLockout, maxLockout, addressFailures, addressWindow);
    }

    /** Where a sign-in stands before its password is checked. */
    public record Standing(OptionalLong retryAfterSeconds, boolean failedBefore) {}

    /**
     * Whether the name (null: not a name any account can have) or the address must wait, and
     * whether the name has failures that a success must clear. Reads only.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Standing check(String username, String address, OffsetDateTime now) {
        var streak = username == null ? null : em.find(SignInStreak.class, username);
        var from = em.find(AddressFailures.class, AddressFailures.key(address));
        return new Standing(
                longest(
                        streak == null ? OptionalLong.empty() : streak.lockedFor(now),
                        from == null ? OptionalLong.empty() : from.refusedFor(now, rules)),
                streak != null);
    }

    /** Counts a failed password; answers how long the caller must now wait, if at all. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OptionalLong failed(String username, String address, OffsetDateTime now) {
        OptionalLong wait = OptionalLong.empty();
        if (username != null) {
            em.createNativeQuery(OPEN_STREAK)
                    .setParameter(1, username)
                    .setParameter(2, now)
                    .executeUpdate();
            var streak = em.find(SignInStreak.class, username, LockModeType.PESSIMISTIC_WRITE);
            streak.fail(now, rules);
            wait = streak.lockedFor(now);
        }
        String key = AddressFailures.key(address);
        em.createNativeQuery(OPEN_ADDRESS)
                .setParameter(1, key)
                .setParameter(2, now)
                .executeUpdate();
        var from = em.find(AddressFailures.class, key, LockModeType.PESSIMISTIC_WRITE);
        from.fail(now, rules);
        return longest(wait, from.refusedFor(now, rules));
    }

    /**
     * A right password ends the name's streak, unless failures that raced it have locked the
     * name meanwhile: then it waits like any other attempt (and says so).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OptionalLong succeeded(String username, OffsetDateTime now) {
        var streak = em.find(SignInStreak.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (streak == null) {
            return OptionalLong.empty();
        }
        var locked = streak.lockedFor(now);
        if (locked.isEmpty()) {
            em.remove(streak);
        }
        return locked;
    }

    /** Drops streaks that ended long ago and address windows that are over; every node may run it. */
    @Schedule(hour = "*", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forgetOldFailures() {
        var now = OffsetDateTime.now(clock);
        em.createNativeQuery(FORGET_STREAKS)
                .setParameter(1, now.minus(FORGET_AFTER))
                .setParameter(2, now)
                .executeUpdate();
        em.createNativeQuery(FORGET_ADDRESSES)
                .setParameter(1, now.minus(rules.addressWindow()))
                .executeUpdate();
    }

    private static OptionalLong longest(OptionalLong a, OptionalLong b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.getAsLong() >= b.getAsLong() ? a : b;
    }
}
