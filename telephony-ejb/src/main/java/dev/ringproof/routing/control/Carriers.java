package dev.ringproof.routing.control;

import dev.ringproof.telephony.boundary.Carrier;
import dev.ringproof.telephony.boundary.SandboxCarrier;
import dev.ringproof.telephony.boundary.TenantSandbox;
import dev.ringproof.telephony.rest.RestAccount;
import dev.ringproof.telephony.rest.RestCalls;
import dev.ringproof.telephony.rest.RestCarrier;
import dev.ringproof.telephony.sip.SipCarrier;
import dev.ringproof.telephony.sip.SipTrunk;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.SipException;
import org.eclipse.microprofile.config.Config;

/**
 * The providers a route may name: {@code sandbox}, {@code sip} (the SIP trunk) and every
 * carrier account configured as {@code telephony.carrier.<name>.base-url}.
 */
@ApplicationScoped
public class Carriers {

    public static final String SIP = "sip";
    private static final Logger LOG = Logger.getLogger(Carriers.class.getName());

    @EJB
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

    /** The provider as this traffic reaches it: in the sandbox, a tenant's test traffic meets its own handsets. */
    public Optional<Carrier> named(String name, String tenantId, boolean test) {
        if (Routes.SANDBOX.equals(name) && test) {
            return Optional.of(new TenantSandbox(sandbox, tenantId));
        }
        return named(name);
    }

    private Carrier create(String name) {
        if (SIP.equals(name)) {
            return sipTrunk().map(this::start).orElse(null);
        }
        return restAccount(name)
                .<Carrier>map(account -> new RestCarrier(account, restCalls))
                .orElse(null);
    }

    private Carrier start(SipTrunk trunk) {
        try {
            return new SipCarrier(trunk);
        } catch (SipException e) {
            // not cached: the next send tries again, and the route moves on meanwhile
            LOG.log(Level.WARNING, "SIP trunk provider could not start", e);
            return null;
        }
    }

    private Optional<SipTrunk> sipTrunk() {
        String p = "telephony.sip.";
        return config.getOptionalValue(p + "host", String.class)
                .map(host -> new SipTrunk(
                        host,
                        Integer.parseInt(value(p + "port", "5060")),
                        value(p + "transport", "udp").toLowerCase(Locale.ROOT),
                        value(p + "user", ""),
                        value(p + "password", ""),
                        Duration.parse(value(p + "ring-time", "PT1.5S")),
                        Duration.parse(value(p + "ring-wait", "PT10S")),
                        value(p + "local-address", "127.0.0.1"),
                        Integer.parseInt(value(p + "local-port", "5070"))));
    }

    @PreDestroy
    void stop() {
        // frees the SIP port, so a redeploy can bind it again
        accounts.values().stream().filter(AutoCloseable.class::isInstance).forEach(carrier -> {
            try {
                ((AutoCloseable) carrier).close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "provider did not close cleanly", e);
            }
        });
    }

    private Optional<RestAccount> restAccount(String name) {
        String prefix = "telephony.carrier." + name + ".";
        return config.getOptionalValue(prefix + "base-url", String.class)
                .map(base -> new RestAccount(
                        name,
                        URI.create(base),
                        value(prefix + "account-sid", ""),
                        value(prefix + "auth-token", ""),
                        config.getOptionalValue("telephony.callback-url", String.class)
                                .map(url -> URI.create(url.replaceAll("/+$", "") + "/" + name))
                                .orElse(null),
                        Duration.parse(value(prefix + "timeout", "PT10S")),
                        Integer.parseInt(value(prefix + "ring-seconds", "2"))));
    }

    private String value(String key, String fallback) {
        return config.getOptionalValue(key, String.class).orElse(fallback);
    }
}
