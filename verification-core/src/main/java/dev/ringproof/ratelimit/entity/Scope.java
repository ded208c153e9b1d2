package dev.ringproof.ratelimit.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a rate-limit policy counts by. */
public enum Scope {
    TENANT,
    PHONE,
    PREFIX,
    COUNTRY,
    IP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
