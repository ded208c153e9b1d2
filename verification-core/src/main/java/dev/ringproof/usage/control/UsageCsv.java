package dev.ringproof.usage.control;

import dev.ringproof.usage.entity.UsageGroup;
import java.util.Arrays;
import java.util.List;

/**
 * Writes report lines as RFC 4180 CSV (Commons CSV), one line as it comes, with every
 * cell made inert for spreadsheets: a cell that a spreadsheet would read as a formula
 * gets a leading single quote.
 */
public final class UsageCsv implements AutoCloseable {

    public static final List<String> HEADER = List.of("tenant_id", "tenant_name", "day", "channel", "country",
            "attempts", "approved", "unit_price", "amount", "currency");

    private final CsvLines lines;

    public UsageCsv(Appendable out) {
        this.lines = new CsvLines(out, HEADER);
    }

    public void line(UsageGroup group) {
        lines.line(Arrays.asList(inert(group.tenantId()), inert(group.tenantName()),
                group.day().toString(), inert(group.channel()), inert(group.country()), group.attempts(),
                group.approved(), group.unitPrice().toPlainString(), group.amount().toPlainString(),
                inert(group.currency())));
    }

    /** OWASP's CSV injection advice: = + - @ tab and CR start a formula in some spreadsheet. */
    public static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + cell : cell;
    }

    @Override
    public void close() {
        lines.flush();
    }
}
