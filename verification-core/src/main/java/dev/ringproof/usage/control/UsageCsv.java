package dev.ringproof.usage.control;

import dev.ringproof.usage.entity.UsageGroup;
import java.util.Arrays;
import java.util.List;

/**
 * Writes report lines as RFC 4180 CSV (Commons CSV), one line as it comes: text cells quoted
 * and made inert for spreadsheets ({@link SpreadsheetText}), numbers bare.
 */
public final class UsageCsv implements AutoCloseable {

    public static final List<String> HEADER = List.of(
            "tenant_id",
            "tenant_name",
            "day",
            "channel",
            "country",
            "attempts",
            "approved",
            "unit_price",
            "amount",
            "currency");

    private final CsvLines lines;

    public UsageCsv(Appendable out) {
        this.lines = new CsvLines(out, HEADER);
    }

    public void line(UsageGroup group) {
        lines.line(Arrays.asList(
                group.tenantId(),
                group.tenantName(),
                group.day().toString(),
                group.channel(),
                group.country(),
                group.attempts(),
                group.approved(),
                group.unitPrice(),
                group.amount(),
                group.currency()));
    }

    @Override
    public void close() {
        lines.flush();
    }
}
