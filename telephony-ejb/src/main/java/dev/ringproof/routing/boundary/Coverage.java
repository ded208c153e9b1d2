package dev.ringproof.routing.boundary;

import dev.ringproof.routing.control.Routes;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Whether a channel can reach a country at all, asked before an attempt is started on it: in
 * production a live channel without a configured route is unusable, and the workflow moves on.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Coverage {

    @Inject
    Routes routes;

    /** {@code channel} as on the wire ({@code sms}), {@code country} its ISO code. */
    public boolean reaches(String channel, String country, boolean test) {
        return !routes.providersFor(channel, country == null ? "ZZ" : country, test)
                .isEmpty();
    }
}
