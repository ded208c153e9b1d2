package dev.ringproof.routing.control;

import dev.ringproof.telephony.boundary.Carrier;
import dev.ringproof.telephony.boundary.SandboxCarrier;
import dev.ringproof.telephony.rest.RestAccount;
import dev.ringproof.telephony.rest.RestCalls;
import dev.ringproof.telephony.rest.RestCarrier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * The providers a route may name: {@code sandbox}, {@code sip} (the SIP trunk) and every
 * carrier account configured as {@code telephony.carrier.<name>.base-url}.
 */
@ApplicationScoped
public class Carriers {

    public static final String SIP = "sip";

    @Inject
    SandboxCarrier sandbox;

    @Inject
    RestCalls restCalls;

    @Inject
    Config config;

    private final Map<String, Carrier> accounts = new ConcurrentHashMap<>();

    public Optional<Carrier> named(String name) {
        if (Routes.SANDBOX.equals(name)) {
            return Optional.of(sandbox);
        }
        return Optional.ofNullable(accounts.computeIfAbsent(name, this::create));
    }

    private Carrier create(String name) {
        return restAccount(name).<Carrier>map(account -> new RestCarrier(account, restCalls)).orElse(null);
    }

    private Optional<RestAccount> restAccount(String name) {
        String prefix = "telephony.carrier." + name + ".";
        return config.getOptionalValue(prefix + "base-url", String.class).map(base -> new RestAccount(name,
                URI.create(base),
                value(prefix + "account-sid", ""),
                value(prefix + "auth-token", ""),
                config.getOptionalValue("telephony.callback-url", String.class)
                        .map(url -> URI.create(url.replaceAll("/+$", "") + "/" + name)).orElse(null),
                Duration.parse(value(prefix + "timeout", "PT10S")),
                Integer.parseInt(value(prefix + "ring-seconds", "2"))));
    }

    private String value(String key, String fallback) {
        return config.getOptionalValue(key, String.class).orElse(fallback);
    }
}
