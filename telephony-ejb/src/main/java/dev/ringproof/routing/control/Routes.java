package dev.ringproof.routing.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which providers, in order, carry a channel to a country: {@code telephony.route.<channel>.<CC>},
 * else {@code telephony.route.<channel>.default}, else the sandbox alone. Test traffic always goes
 * to the sandbox. In production live traffic never does: the sandbox is left out of its routes,
 * and a channel without a configured route has no provider at all.
 */
public final class Routes {

    public static final String SANDBOX = "sandbox";
    private static final List<String> SANDBOX_ONLY = List.of(SANDBOX);

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    private final Function<String, Optional<String>> config;
    private final boolean production;

    public Routes(Function<String, Optional<String>> config, boolean production) {
        this.config = config;
        this.production = production;
    }

    /** The providers to try in order; empty when nothing may carry this traffic. */
    public List<String> providersFor(String channel, String country, boolean test) {
        if (test) {
            return SANDBOX_ONLY;
        }
        var configured = config.apply("telephony.route." + channel + "." + country)
                .or(() -> config.apply("telephony.route." + channel + ".default"))
                .map(Routes::names)
                .orElse(List.of());
        if (production) {
            return configured.stream().filter(name -> !SANDBOX.equals(name)).toList();
        }
        return configured.isEmpty() ? SANDBOX_ONLY : configured;
    }

    /** Names that could not be stored (outbound_send.provider is 32 characters) are left out. */
    private static List<String> names(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(NAME.asMatchPredicate())
                .distinct()
                .toList();
    }
}
