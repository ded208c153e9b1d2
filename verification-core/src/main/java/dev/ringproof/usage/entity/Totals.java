package dev.ringproof.usage.entity;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sums of amounts per currency, exact (BigDecimal, 4 decimals). Prices are kept in one
 * billing currency, so a report normally has one total; it never adds two currencies.
 */
public final class Totals {

    private final Map<String, BigDecimal> byCurrency = new TreeMap<>();

    public void add(String currency, BigDecimal amount) {
        byCurrency.merge(currency, amount.setScale(Price.SCALE), BigDecimal::add);
    }

    public Map<String, BigDecimal> byCurrency() {
        return Map.copyOf(byCurrency);
    }

    /** The one currency of the report, or {@code fallback} when it has none; empty when it has several. */
    public Optional<String> singleCurrency(String fallback) {
        if (byCurrency.size() > 1) {
            return Optional.empty();
        }
        return Optional.of(
                byCurrency.isEmpty() ? fallback : byCurrency.keySet().iterator().next());
    }

    public BigDecimal amount(String currency) {
        return byCurrency.getOrDefault(currency, BigDecimal.ZERO.setScale(Price.SCALE));
    }
}
