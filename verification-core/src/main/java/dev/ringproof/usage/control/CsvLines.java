package dev.ringproof.usage.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 lines (Commons CSV) under a header, written as they come: what both billing CSVs share. */
final class CsvLines {

    private final CSVPrinter printer;

    CsvLines(Appendable out, List<String> header) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT);
            printer.printRecord(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(Iterable<?> cells) {
        try {
            printer.printRecord(cells);
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
}
