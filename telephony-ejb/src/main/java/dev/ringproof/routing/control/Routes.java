package dev.ringproof.routing.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which providers, in order, carry a channel to a country: {@code telephony.route.<channel>.<CC>},
 * else {@code telephony.route.<channel>.default}, else the sandbox alone.
 */
public final class Routes {

    public static final String SANDBOX = "sandbox";

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    private final Function<String, Optional<String>> config;

    public Routes(Function<String, Optional<String>> config) {
        this.config = config;
    }

    public List<String> providersFor(String channel, String country) {
        return config.apply("telephony.route." + channel + "." + country)
                .or(() -> config.apply("telephony.route." + channel + ".default"))
                .map(Routes::names)
                .filter(names -> !names.isEmpty())
                .orElse(List.of(SANDBOX));
    }

    /** Names that could not be stored (outbound_send.provider is 32 characters) are left out. */
    private static List<String> names(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(NAME.asMatchPredicate()).distinct().toList();
    }
}
