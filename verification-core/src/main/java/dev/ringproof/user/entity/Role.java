package dev.ringproof.user.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a console user may do: {@code admin} manages everything, {@code billing} reads usage. */
public enum Role {
    ADMIN,
    BILLING;

    /** The name used in the database, in Jakarta Security groups and in the API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }
}
