package dev.ringproof.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** Builds the routing pieces from MicroProfile Config; every key has a default. */
@ApplicationScoped
public class TelephonySetup {

    @Produces
    @Singleton
    ProviderHealth health(Config config) {
        int threshold = config.getOptionalValue("telephony.health.failure-threshold", Integer.class)
                .orElse(3);
        Duration openFor = config.getOptionalValue("telephony.health.open-for", String.class)
                .map(Duration::parse)
                .orElse(Duration.ofSeconds(30));
        return new ProviderHealth(Clock.systemUTC(), threshold, openFor);
    }

    @Produces
    @Singleton
    Routes routes(Config config) {
        // anything but development keeps live traffic off the sandbox; ProductionGate refuses unknown modes anyway
        boolean production = !config.getOptionalValue("ringproof.mode", String.class)
                .map(mode -> mode.trim().equalsIgnoreCase("development"))
                .orElse(true);
        return new Routes(key -> config.getOptionalValue(key, String.class), production);
    }
}
