package dev.ringproof.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one source of "now", injected so expiry and fallback can be tested without sleeping. */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock utc() {
        return Clock.systemUTC();
    }
}
