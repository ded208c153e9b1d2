package dev.ringproof.usage.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * RFC 4180 lines (Commons CSV) under a header, written as they come: what both billing CSVs
 * share. Every text cell is quoted and made inert for spreadsheets ({@link SpreadsheetText});
 * numbers (a {@link Number}: counts, and amounts as plain decimals) stay bare, so spreadsheets
 * read them as numbers. Callers cannot forget a cell: the text is made inert here.
 */
final class CsvLines {

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.NON_NUMERIC).get();

    private final CSVPrinter printer;

    CsvLines(Appendable out, List<String> header) {
        try {
            this.printer = new CSVPrinter(out, FORMAT);
            printer.printRecord(cells(header));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each cell a String (text), a Number, or null (an empty cell). */
    void line(Iterable<?> cells) {
        try {
            printer.printRecord(cells(cells));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> cells(Iterable<?> cells) {
        List<Object> out = new ArrayList<>();
        for (Object cell : cells) {
            if (cell == null || cell instanceof Long || cell instanceof Integer) {
                out.add(cell);
            } else if (cell instanceof BigDecimal amount) {
                out.add(new PlainDecimal(amount));
            } else {
                out.add(SpreadsheetText.inert(cell.toString()));
            }
        }
        return out;
    }

    /** A number written as plain digits ({@link BigDecimal#toString} may use exponent notation). */
    private static final class PlainDecimal extends Number {

        private static final long serialVersionUID = 1L;

        private final BigDecimal value;

        PlainDecimal(BigDecimal value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }

        @Override
        public int intValue() {
            return value.intValue();
        }

        @Override
        public long longValue() {
            return value.longValue();
        }

        @Override
        public float floatValue() {
            return value.floatValue();
        }

        @Override
        public double doubleValue() {
            return value.doubleValue();
        }
    }
}
