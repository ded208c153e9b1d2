package dev.ringproof.usage.control;

import dev.ringproof.usage.entity.UsageGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes report lines as RFC 4180 CSV (Commons CSV), one line as it comes, with every
 * cell made inert for spreadsheets: a cell that a spreadsheet would read as a formula
 * gets a leading single quote.
 */
public final class UsageCsv implements AutoCloseable {

    public static final List<String> HEADER = List.of("tenant_id", "tenant_name", "day", "channel", "country",
            "attempts", "approved", "unit_price", "amount", "currency");

    private final CSVPrinter printer;

    public UsageCsv(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT);
            printer.printRecord(HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void line(UsageGroup group) {
        try {
            printer.printRecord(inert(group.tenantId()), inert(group.tenantName()), group.day().toString(),
                    inert(group.channel()), inert(group.country()), group.attempts(), group.approved(),
                    group.unitPrice().toPlainString(), group.amount().toPlainString(), inert(group.currency()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
