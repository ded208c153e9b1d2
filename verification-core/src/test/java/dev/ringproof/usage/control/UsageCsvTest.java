package dev.ringproof.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.usage.entity.UsageGroup;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageCsvTest {

    /** Names a spreadsheet could run as a formula somewhere, whichever separator it splits on. */
    static final List<String> HOSTILE_NAMES = List.of(
            "=1+2",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            ";=1+1",
            "Acme;=1+1",
            "Acme,=HYPERLINK(\"http://evil\")",
            "a|=cmd|' /C calc'!A0",
            "a\t+1",
            "a\r\n=1",
            "a\n@x",
            "a; =1",
            "a\"=1",
            "'=1",
            "''",
            "Acme ;-2",
            "=;=;=",
            "=HYPERLINK(\"http://evil\")");

    private static UsageGroup group(String tenantName) {
        return new UsageGroup(
                "tn_a", tenantName, LocalDate.of(2026, 11, 3), "sms", "GB", 3, 1, new BigDecimal("0.0400"), "EUR");
    }

    static String csv(UsageGroup... groups) {
        var out = new StringBuilder();
        try (var csv = new UsageCsv(out)) {
            for (UsageGroup g : groups) {
                csv.line(g);
            }
        }
        return out.toString();
    }

    @Test
    void writesTheHeaderAndOneRecordPerGroupTextQuotedNumbersBare() {
        assertThat(csv(group("Acme")))
                .isEqualTo("\"tenant_id\",\"tenant_name\",\"day\",\"channel\",\"country\","
                        + "\"attempts\",\"approved\",\"unit_price\",\"amount\",\"currency\"\r\n"
                        + "\"tn_a\",\"Acme\",\"2026-11-03\",\"sms\",\"GB\",3,1,0.0400,0.1200,\"EUR\"\r\n");
    }

    @Test
    void aFormulaAfterASemicolonComesOutInert() {
        assertThat(csv(group(";=1+1"))).contains(",\";'=1+1\",");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme", "a=b", "Ltd, \"quoted\"", "1-800 Flowers", "O'Brien", ""})
    void harmlessNamesStayAsTheyAre(String name) {
        assertThat(SpreadsheetText.inert(name)).isEqualTo(name);
        assertThat(records(csv(group(name)), CSVFormat.DEFAULT).get(1).get(1)).isEqualTo(name);
    }

    @Test
    void hostileNamesRoundTripThroughACommaParser() {
        for (String name : HOSTILE_NAMES) {
            String cell = records(csv(group(name)), CSVFormat.DEFAULT).get(1).get(1);

            assertThat(cell).as(name).isNotEqualTo(name);
            assertThat(SpreadsheetText.original(cell)).as(name).isEqualTo(name);
        }
    }

    @Test
    void noCellStartsAFormulaWhateverTheSeparator() {
        for (String name : HOSTILE_NAMES) {
            assertNoFormulaCell(name, csv(group(name)));
        }
    }

    /**
     * Opens the CSV as spreadsheets would: with ',' or ';' or '|' or tab as the separator, minding
     * quotes or not; every cell that is not a plain number starts with something that is not a
     * formula, once the quotes and spaces a spreadsheet skips are skipped.
     */
    static void assertNoFormulaCell(String name, String csv) {
        for (char separator : new char[] {',', ';', '|', '\t'}) {
            for (boolean quotes : new boolean[] {true, false}) {
                var format = CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(separator)
                        .setQuote(quotes ? '"' : null)
                        .setTrailingData(true)
                        .setLenientEof(true)
                        .get();
                for (CSVRecord record : records(csv, format)) {
                    for (String cell : record) {
                        String start = cell.replaceFirst("^[\" ]+", "");
                        if (!start.isEmpty() && !isNumber(start)) {
                            assertThat("=+-@\t\r")
                                    .as("%s split on '%s' (quotes %s): cell %s", name, separator, quotes, cell)
                                    .doesNotContain(start.substring(0, 1));
                        }
                    }
                }
            }
        }
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static List<CSVRecord> records(String csv, CSVFormat format) {
        try (var parser = format.parse(new StringReader(csv))) {
            return new ArrayList<>(parser.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
