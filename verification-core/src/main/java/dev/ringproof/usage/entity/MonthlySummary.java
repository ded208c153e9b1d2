package dev.ringproof.usage.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's month in numbers: the verifications whose first send reached a carrier in the
 * month (with all their sends), how many were approved, conversion per channel, what they cost,
 * and what the same verifications would have cost as one SMS each at the SMS price of their
 * country. Money is exact; a quotient (rate, cost per approved) is rounded half-even to 4 decimals.
 */
public final class MonthlySummary implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final List<String> CHANNELS = List.of("missed_call", "sms", "voice");
    public static final int QUOTIENT_SCALE = 4;

    /** Of the verifications that reached a channel, how many were approved on it. */
    public record Conversion(String channel, long reached, long approved) implements Serializable {

        /** approved / reached, or null when nothing reached the channel. */
        public BigDecimal rate() {
            return quotient(BigDecimal.valueOf(approved), reached);
        }
    }

    private final String tenantId;
    private final String tenantName;
    private final UsageMonth month;
    private final String currency;
    private final Map<String, long[]> channels = new TreeMap<>();
    private long started;
    private long approved;
    private BigDecimal cost = zero();
    private BigDecimal smsOnlyCost = zero();

    public MonthlySummary(String tenantId, String tenantName, UsageMonth month, String currency) {
        this.tenantId = tenantId;
        this.tenantName = tenantName;
        this.month = month;
        this.currency = currency;
        CHANNELS.forEach(channel -> channels.put(channel, new long[2]));
    }

    /** Counts one verification; {@code smsPrice} is what one SMS to its country cost when it started. */
    public void add(VerificationCost verification, BigDecimal smsPrice) {
        started++;
        cost = cost.add(verification.cost());
        smsOnlyCost = smsOnlyCost.add(smsPrice);
        verification.channels().forEach(channel -> channels.computeIfAbsent(channel, c -> new long[2])[0]++);
        if (verification.approvedOn() != null) {
            approved++;
            channels.computeIfAbsent(verification.approvedOn(), c -> new long[2])[1]++;
        }
    }

    public List<Conversion> conversions() {
        return channels.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> Integer.compare(order(a), order(b))))
                .map(e -> new Conversion(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** approved / started, or null without verifications. */
    public BigDecimal conversionRate() {
        return quotient(BigDecimal.valueOf(approved), started);
    }

    /** Everything the month's verifications cost, divided by those approved; null when none was. */
    public BigDecimal costPerApproved() {
        return quotient(cost, approved);
    }

    /** What an SMS-only flow would have cost minus what they cost: negative when Ringproof cost more. */
    public BigDecimal saving() {
        return smsOnlyCost.subtract(cost);
    }

    public String tenantId() {
        return tenantId;
    }

    public String tenantName() {
        return tenantName;
    }

    public UsageMonth month() {
        return month;
    }

    public String currency() {
        return currency;
    }

    public long started() {
        return started;
    }

    public long approved() {
        return approved;
    }

    public BigDecimal cost() {
        return cost;
    }

    public BigDecimal smsOnlyCost() {
        return smsOnlyCost;
    }

    private static BigDecimal quotient(BigDecimal dividend, long divisor) {
        return divisor == 0
                ? null
                : dividend.divide(BigDecimal.valueOf(divisor), QUOTIENT_SCALE, RoundingMode.HALF_EVEN);
    }

    private static int order(String channel) {
        int index = CHANNELS.indexOf(channel);
        return index < 0 ? CHANNELS.size() : index;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(Price.SCALE);
    }
}
