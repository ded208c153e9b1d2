package dev.ringproof.tenant.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ways Ringproof reaches a handset, cheapest first. */
public enum Channel {
    MISSED_CALL,
    SMS,
    VOICE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
    }

    /** Whether the channel needs a number that can receive calls' caller ids and SMS: a mobile. */
    public boolean needsMobile() {
        return this != VOICE;
    }
}
