package dev.ringproof.verification.entity;

import java.util.Locale;

/** Only {@code PENDING} changes; every other status is final. */
public enum VerificationStatus {
    PENDING,
    APPROVED,
    FAILED,
    EXPIRED,
    CANCELED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static VerificationStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
