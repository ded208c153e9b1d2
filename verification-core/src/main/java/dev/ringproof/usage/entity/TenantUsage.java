package dev.ringproof.usage.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A tenant's own usage of a period: per channel and country (days and prices summed), with totals. */
public final class TenantUsage {

    /** One channel and country: attempts, approved, and what they cost. */
    public record Line(
            String channel, String country, String currency, long attempts, long approved, BigDecimal amount) {

        Line plus(UsageGroup group) {
            return new Line(
                    channel,
                    country,
                    currency,
                    attempts + group.attempts(),
                    approved + group.approved(),
                    amount.add(group.amount()));
        }
    }

    private final Period period;
    private final Map<String, Line> lines = new TreeMap<>();
    private final Totals totals = new Totals();

    public TenantUsage(Period period) {
        this.period = period;
    }

    public void add(UsageGroup group) {
        String key = group.channel() + "|" + group.country() + "|" + group.currency();
        lines.merge(
                key,
                new Line(
                                group.channel(),
                                group.country(),
                                group.currency(),
                                0,
                                0,
                                BigDecimal.ZERO.setScale(Price.SCALE))
                        .plus(group),
                (a, b) -> a.plus(group));
        totals.add(group.currency(), group.amount());
    }

    public Period period() {
        return period;
    }

    public List<Line> lines() {
        return new ArrayList<>(lines.values());
    }

    public Totals totals() {
        return totals;
    }
}
