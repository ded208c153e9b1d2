package dev.ringproof.usage.control;

import dev.ringproof.usage.entity.MonthlySummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Monthly summaries as CSV, one line per tenant with a fixed group of columns per channel,
 * text quoted and made inert like the usage report's ({@link SpreadsheetText}), numbers bare.
 * An empty cell is a quotient without a divisor (no verification reached the channel, none
 * approved).
 */
public final class SummaryCsv implements AutoCloseable {

    public static final List<String> HEADER = header();

    private final CsvLines lines;

    public SummaryCsv(Appendable out) {
        this.lines = new CsvLines(out, HEADER);
    }

    public void line(MonthlySummary s) {
        List<Object> cells =
                new ArrayList<>(List.of(s.tenantId(), s.tenantName(), s.month().toString()));
        cells.addAll(Arrays.asList(s.started(), s.approved(), s.conversionRate()));
        for (var conversion : s.conversions()) {
            cells.addAll(Arrays.asList(conversion.reached(), conversion.approved(), conversion.rate()));
        }
        // a negative saving starts with '-' but is a number, not a formula: numbers stay bare
        cells.addAll(Arrays.asList(s.cost(), s.costPerApproved(), s.smsOnlyCost(), s.saving(), s.currency()));
        lines.line(cells);
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>(List.of(
                "tenant_id",
                "tenant_name",
                "month",
                "verifications_started",
                "verifications_approved",
                "conversion_rate"));
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
