package dev.ringproof.usage.control;

import dev.ringproof.platform.control.Reread;
import dev.ringproof.usage.entity.Price;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the price in force for a channel and country at a moment: the newest price that
 * has started for that country, else the newest any-country ({@code *}) price. Every price ever
 * set is held in memory ({@link Reread}): each send asked the database for them. A price set here
 * counts at once; through another server, within 10 s.
 */
@ApplicationScoped
public class PriceSelector {

    /** Fired in the transaction that sets a price. */
    public record Changed() {}

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    private Reread<List<Price>> prices;

    @PostConstruct
    void init() {
        prices = new Reread<>(
                () -> List.copyOf(em.createNamedQuery(Price.ALL, Price.class).getResultList()));
    }

    public Optional<Price> inForce(String channel, String country, OffsetDateTime at) {
        List<Price> candidates = prices.get().stream()
                .filter(p -> p.channel().equals(channel) && (p.isFor(country) || p.isFallback()))
                .toList();
        return choose(candidates, country, at);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        prices.changed();
    }

    /**
     * The price list as it stands at {@code at}: for each channel and country (and {@code *}),
     * the newest price that has started, ordered by channel and country.
     */
    public static List<Price> listAt(List<Price> all, OffsetDateTime at) {
        var newest = new java.util.TreeMap<String, Price>();
        all.stream()
                .filter(p -> !p.validFrom().isAfter(at))
                .forEach(p -> newest.merge(
                        p.channel() + " " + p.country(),
                        p,
                        (a, b) -> b.validFrom().isAfter(a.validFrom()) ? b : a));
        return List.copyOf(newest.values());
    }

    /** The choice itself, apart from the query, so it is tested without a database. */
    static Optional<Price> choose(List<Price> candidates, String country, OffsetDateTime at) {
        var started = candidates.stream()
                .filter(p -> !p.validFrom().isAfter(at))
                .sorted(Comparator.comparing(Price::validFrom).reversed())
                .toList();
        return started.stream()
                .filter(p -> p.isFor(country))
                .findFirst()
                .or(() -> started.stream().filter(Price::isFallback).findFirst());
    }
}
