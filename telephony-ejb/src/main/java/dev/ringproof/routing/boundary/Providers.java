package dev.ringproof.routing.boundary;

import dev.ringproof.routing.control.Carriers;
import dev.ringproof.routing.control.ProviderHealth;
import dev.ringproof.routing.control.Routes;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;

/** The configured providers and this node's view of their health, for the admin API and console. */
@Stateless
public class Providers {

    /** A carrier account's key, as a property or as the environment variable MicroProfile Config maps it to. */
    private static final Pattern CARRIER_KEY =
            Pattern.compile("(?i)telephony[._]carrier[._]([a-z0-9_-]+)[._]base[-_]url");

    /** A provider's circuit as this node sees it: open (skipped until {@code openUntil}) or closed. */
    public record Health(
            String provider,
            boolean open,
            java.time.Instant openUntil,
            int recentSends,
            double errorRate,
            int failuresInARow) {}

    @Inject
    ProviderHealth health;

    @Inject
    Config config;

    public List<Health> states() {
        Map<String, Health> states = new TreeMap<>();
        for (String name : configured()) {
            states.put(name, new Health(name, false, null, 0, 0, 0));
        }
        health.states()
                .forEach((name, s) -> states.put(
                        name,
                        new Health(
                                s.provider(),
                                s.open(),
                                s.openUntil(),
                                s.recentSends(),
                                s.errorRate(),
                                s.failuresInARow())));
        return List.copyOf(states.values());
    }

    private List<String> configured() {
        var names = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .map(CARRIER_KEY::matcher)
                .filter(java.util.regex.Matcher::matches)
                .map(m -> m.group(1).toLowerCase(java.util.Locale.ROOT));
        var always = config.getOptionalValue("telephony.sip.host", String.class).isPresent()
                ? List.of(Routes.SANDBOX, Carriers.SIP)
                : List.of(Routes.SANDBOX);
        return java.util.stream.Stream.concat(always.stream(), names).distinct().toList();
    }
}
