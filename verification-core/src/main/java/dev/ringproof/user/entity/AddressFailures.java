package dev.ringproof.user.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.OptionalLong;

/**
 * Failed sign-ins from one client address in a window that starts at the first of them.
 * Successes do not reset it: a guesser with one valid account of their own gains nothing.
 */
@Entity
@Table(name = "sign_in_address")
public class AddressFailures {

    /** Longest address kept; an IPv6 address with a zone id may be cut, which only merges such addresses. */
    public static final int MAX_ADDRESS_LENGTH = 64;

    @Id
    private String address;

    @Column(name = "window_start", nullable = false)
    private OffsetDateTime windowStart;

    private int failures;

    protected AddressFailures() {
        // for JPA
    }

    public AddressFailures(String address, OffsetDateTime now) {
        this.address = key(address);
        this.windowStart = now;
    }

    /** The address as stored: as given, cut to {@link #MAX_ADDRESS_LENGTH}; "unknown" for none. */
    public static String key(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        return address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
    }

    /** Seconds until the window ends when the address has used up its failures in it; empty otherwise. */
    public OptionalLong refusedFor(OffsetDateTime now, SignInRules rules) {
        var windowEnd = windowStart.plus(rules.addressWindow());
        return failures >= rules.addressFailures() && windowEnd.isAfter(now)
                ? OptionalLong.of(SignInRules.secondsUntil(now, windowEnd))
                : OptionalLong.empty();
    }

    public void fail(OffsetDateTime now, SignInRules rules) {
        if (!windowStart.plus(rules.addressWindow()).isAfter(now)) {
            windowStart = now;
            failures = 0;
        }
        failures++;
    }

    public int failures() {
        return failures;
    }
}
