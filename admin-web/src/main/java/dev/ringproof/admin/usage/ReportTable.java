package dev.ringproof.admin.usage;

import dev.ringproof.usage.entity.Period;
import dev.ringproof.usage.entity.UsageGroup;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report of a period as the page shows it: totals over every line, and the first
 * {@link #MAX_LINES} lines themselves (the CSV download has them all).
 */
public final class ReportTable implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_LINES = 1000;

    private final Period period;
    private final List<UsageGroup> lines = new ArrayList<>();
    private final Map<String, BigDecimal> amounts = new TreeMap<>();
    private long lineCount;
    private long attempts;
    private long approved;

    ReportTable(Period period) {
        this.period = period;
    }

    void add(UsageGroup line) {
        if (lines.size() < MAX_LINES) {
            lines.add(line);
        }
        lineCount++;
        attempts += line.attempts();
        approved += line.approved();
        amounts.merge(line.currency(), line.amount(), BigDecimal::add);
    }

    /** The total amount per currency, such as "0.1660 EUR" (never a sum across currencies); "0" without lines. */
    public String totalAmount() {
        return amounts.isEmpty()
                ? "0"
                : amounts.entrySet().stream()
                        .map(e -> e.getValue().toPlainString() + " " + e.getKey())
                        .collect(Collectors.joining(" + "));
    }

    public Period period() {
        return period;
    }

    public List<UsageGroup> lines() {
        return lines;
    }

    public long lineCount() {
        return lineCount;
    }

    public boolean truncated() {
        return lineCount > lines.size();
    }

    public long attempts() {
        return attempts;
    }

    public long approved() {
        return approved;
    }
}
