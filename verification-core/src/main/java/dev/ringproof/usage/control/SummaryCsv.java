package dev.ringproof.usage.control;

import dev.ringproof.usage.entity.MonthlySummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly summaries as CSV, one line per tenant with a fixed group of columns per channel,
 * cells made inert like the usage report's ({@link UsageCsv#inert}). An empty cell is a
 * quotient without a divisor (no verification reached the channel, none approved).
 */
public final class SummaryCsv implements AutoCloseable {

    public static final List<String> HEADER = header();

    private final CsvLines lines;

    public SummaryCsv(Appendable out) {
        this.lines = new CsvLines(out, HEADER);
    }

    public void line(MonthlySummary s) {
        List<Object> cells = new ArrayList<>(List.of(UsageCsv.inert(s.tenantId()), UsageCsv.inert(s.tenantName()),
                s.month().toString(), s.started(), s.approved(), plain(s.conversionRate())));
        for (var conversion : s.conversions()) {
            cells.addAll(List.of(conversion.reached(), conversion.approved(), plain(conversion.rate())));
        }
        cells.addAll(List.of(plain(s.cost()), plain(s.costPerApproved()), plain(s.smsOnlyCost()), plain(s.saving()),
                UsageCsv.inert(s.currency())));
        lines.line(cells);
    }

    /** A negative saving starts with '-' but is a number, not a formula: it stays as it is. */
    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>(List.of("tenant_id", "tenant_name", "month", "verifications_started",
                "verifications_approved", "conversion_rate"));
        for (String channel : MonthlySummary.CHANNELS) {
            header.addAll(List.of(channel + "_reached", channel + "_approved", channel + "_conversion_rate"));
        }
        header.addAll(List.of("cost", "cost_per_approved", "sms_only_cost", "saving", "currency"));
        return List.copyOf(header);
    }

    @Override
    public void close() {
        lines.flush();
    }
}
