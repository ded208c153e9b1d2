package dev.ringproof.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.usage.entity.UsageGroup;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageCsvTest {

    private static UsageGroup group(String tenantName) {
        return new UsageGroup("tn_a", tenantName, LocalDate.of(2026, 11, 3), "sms", "GB", 3, 1,
                new BigDecimal("0.0400"), "EUR");
    }

    private static String csv(UsageGroup... groups) {
        var out = new StringBuilder();
        try (var csv = new UsageCsv(out)) {
            for (UsageGroup g : groups) {
                csv.line(g);
            }
        }
        return out.toString();
    }

    @Test
    void writesTheHeaderAndOneRecordPerGroupWithAmountsAtFourDecimals() {
        assertThat(csv(group("Acme"))).isEqualTo(
                "tenant_id,tenant_name,day,channel,country,attempts,approved,unit_price,amount,currency\r\n"
                        + "tn_a,Acme,2026-11-03,sms,GB,3,1,0.0400,0.1200,EUR\r\n");
    }

    @Test
    void aFormulaTenantNameComesOutInert() {
        String out = csv(group("=HYPERLINK(\"http://evil\")"));

        assertThat(out).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",");
        var record = parse(out);
        assertThat(record).isEqualTo("'=HYPERLINK(\"http://evil\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
    void everyFormulaStarterGetsALeadingQuote(String name) {
        assertThat(UsageCsv.inert(name)).isEqualTo("'" + name);
        assertThat(parse(csv(group(name)))).isEqualTo("'" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme", "a=b", "Ltd, \"quoted\"", "1-800 Flowers", ""})
    void harmlessCellsStayAsTheyAre(String name) {
        assertThat(UsageCsv.inert(name)).isEqualTo(name);
        assertThat(parse(csv(group(name)))).isEqualTo(name);
    }

    private static String parse(String csv) {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords().get(0).get("tenant_name");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
