package dev.ringproof.numberpool.control;

import dev.ringproof.numberpool.boundary.NumberPools.NumberRange;
import dev.ringproof.platform.boundary.Refusal;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV import of pool numbers: one number a line, or {@code from,to} for a range; a first
 * line of column names (anything not starting with '+' or a digit) is skipped. Read here so
 * the admin API and the console accept exactly the same files.
 */
public final class NumbersCsv {

    private NumbersCsv() {}

    public static List<NumberRange> read(String csv, int maxLines) {
        if (csv == null || csv.isBlank()) {
            throw Refusal.invalid("numbers", "the CSV has no numbers");
        }
        List<NumberRange> ranges = new ArrayList<>();
        try (var parser = CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(new StringReader(csv))) {
            for (CSVRecord record : parser) {
                String first = record.get(0);
                if (record.getRecordNumber() == 1
                        && !first.isEmpty()
                        && first.charAt(0) != '+'
                        && !Character.isDigit(first.charAt(0))) {
                    continue;
                }
                if (record.size() > 2) {
                    throw Refusal.invalid(
                            "numbers[line " + record.getRecordNumber() + "]", "a line holds a number, or from,to");
                }
                ranges.add(new NumberRange(first, record.size() == 2 ? record.get(1) : first));
                if (ranges.size() > maxLines) {
                    throw Refusal.invalid("numbers", "at most " + maxLines + " lines at a time");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw Refusal.invalid("numbers", "the CSV cannot be read");
        }
        if (ranges.isEmpty()) {
            throw Refusal.invalid("numbers", "the CSV has no numbers");
        }
        return ranges;
    }
}
