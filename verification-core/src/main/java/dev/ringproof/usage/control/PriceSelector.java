package dev.ringproof.usage.control;

import dev.ringproof.usage.entity.Price;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the price in force for a channel and country at a moment: the newest price that
 * has started for that country, else the newest any-country ({@code *}) price.
 */
@Dependent
public class PriceSelector {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    public Optional<Price> inForce(String channel, String country, OffsetDateTime at) {
        List<Price> candidates = em.createNamedQuery(Price.CANDIDATES, Price.class)
                .setParameter("channel", channel)
                .setParameter("country", country)
                .getResultList(); // every price for the pair, so the query's cached result serves any moment
        return choose(candidates, country, at);
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
