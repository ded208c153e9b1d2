package dev.ringproof.routing.control;

import dev.ringproof.telephony.boundary.Carrier;
import dev.ringproof.telephony.boundary.Delivery;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tries a route's providers in order. The next one gets the attempt only when the one before
 * proved it sent nothing (or its circuit is open); a refusal by the handset or an ambiguous
 * failure ends the attempt there, so a handset never gets the same message twice.
 */
public final class Router {

    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    /** Which provider answered last, and what it said. */
    public record Routed(String provider, Delivery delivery) {}

    private final ProviderHealth health;
    private final Function<String, Optional<Carrier>> carriers;

    public Router(ProviderHealth health, Function<String, Optional<Carrier>> carriers) {
        this.health = health;
        this.carriers = carriers;
    }

    public Routed send(List<String> providers, Function<Carrier, Delivery> send) {
        Routed last = new Routed(providers.get(0), Delivery.notSent("no provider configured"));
        for (String name : providers) {
            Optional<Carrier> carrier = carriers.apply(name);
            if (carrier.isEmpty()) {
                LOG.warning(() -> "Route names an unknown provider: " + name);
                last = new Routed(name, Delivery.notSent("unknown provider"));
            } else if (!health.admits(name)) {
                last = new Routed(name, Delivery.notSent("circuit open"));
            } else {
                last = new Routed(name, sendSafely(name, carrier.get(), send));
                if (last.delivery().outcome() != Delivery.Outcome.NOT_SENT) {
                    return last;
                }
            }
        }
        return last;
    }

    private Delivery sendSafely(String name, Carrier carrier, Function<Carrier, Delivery> send) {
        Delivery delivery;
        try {
            delivery = send.apply(carrier);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Provider " + name + " failed unexpectedly", e);
            delivery = Delivery.unknown("provider error");
        }
        if (delivery.providerFailed()) {
            health.failed(name);
        } else {
            health.succeeded(name);
        }
        return delivery;
    }
}
