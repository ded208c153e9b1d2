package dev.ringproof.platform.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How strict the server is about its own configuration ({@code ringproof.mode}). Development
 * runs on the embedded defaults; production refuses to deploy with them and keeps live traffic
 * off the sandbox carrier.
 */
public enum RunMode {
    DEVELOPMENT,
    PRODUCTION;

    public static final String KEY = "ringproof.mode";

    /** The mode a value names, in any case; empty for anything else. */
    public static Optional<RunMode> parse(String value) {
        return Arrays.stream(values())
                .filter(mode -> mode.wireName().equalsIgnoreCase(value.trim()))
                .findFirst();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
