package dev.ringproof.usage.boundary;

import dev.ringproof.audit.boundary.Audited;
import dev.ringproof.platform.control.Ids;
import dev.ringproof.usage.control.PriceSelector;
import dev.ringproof.usage.entity.Price;
import dev.ringproof.usage.entity.PriceChange;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The price list with its history: a new price applies to attempts from now on, never to earlier ones. */
@Stateless
public class Prices {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<PriceSelector.Changed> changes;

    @Inject
    @ConfigProperty(name = "usage.currency", defaultValue = "EUR")
    String billingCurrency;

    /** Checks the change (a Refusal when wrong) and starts the new price now. */
    @Audited(action = "price.set", target = Price.class, id = Audited.RESULT)
    public Price set(String channel, String country, String unitPrice, String currency) {
        var change = PriceChange.of(channel, country, unitPrice, currency, billingCurrency);
        var price = new Price(
                Ids.next("pr"),
                change.channel(),
                change.country(),
                change.unitPrice(),
                change.currency(),
                OffsetDateTime.now(clock));
        em.persist(price);
        changes.fire(new PriceSelector.Changed());
        return price;
    }

    /** The prices in force now, one per channel and country ({@code *} included). */
    public List<Price> inForce() {
        return PriceSelector.listAt(all(), OffsetDateTime.now(clock));
    }

    /** The one currency prices are kept and billed in ({@code usage.currency}). */
    public String billingCurrency() {
        return billingCurrency;
    }

    /** Every price ever set, current and past, by channel, country and start. */
    public List<Price> all() {
        return em.createNamedQuery(Price.ALL, Price.class).getResultList();
    }
}
