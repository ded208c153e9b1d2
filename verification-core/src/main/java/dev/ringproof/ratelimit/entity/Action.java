package dev.ringproof.ratelimit.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a rate-limit policy counts: verification starts or code checks. */
public enum Action {
    START,
    CHECK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Action> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }
}
