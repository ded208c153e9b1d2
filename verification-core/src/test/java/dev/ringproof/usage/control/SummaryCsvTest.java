package dev.ringproof.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.usage.entity.MonthlySummary;
import dev.ringproof.usage.entity.UsageMonth;
import dev.ringproof.usage.entity.VerificationCost;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

class SummaryCsvTest {

    @Test
    void oneLinePerTenantWithChannelColumnsInertNamesAndEmptyQuotientsWithoutDivisor() {
        var summary = new MonthlySummary("tn_a", "=cmd|' /C calc'!A0", UsageMonth.parse("2026-11"), "EUR");
        summary.add(
                new VerificationCost(
                        "tn_a",
                        "x",
                        "vf_1",
                        "GB",
                        OffsetDateTime.parse("2026-11-03T10:00:00Z"),
                        new BigDecimal("0.0450"),
                        Set.of("missed_call", "sms"),
                        null),
                new BigDecimal("0.0400"));
        var out = new StringBuilder();

        try (var csv = new SummaryCsv(out)) {
            csv.line(summary);
        }

        assertThat(out.toString())
                .isEqualTo("\"tenant_id\",\"tenant_name\",\"month\",\"verifications_started\","
                        + "\"verifications_approved\",\"conversion_rate\",\"missed_call_reached\",\"missed_call_approved\","
                        + "\"missed_call_conversion_rate\",\"sms_reached\",\"sms_approved\",\"sms_conversion_rate\","
                        + "\"voice_reached\",\"voice_approved\",\"voice_conversion_rate\",\"cost\",\"cost_per_approved\","
                        + "\"sms_only_cost\",\"saving\",\"currency\"\r\n"
                        + "\"tn_a\",\"'=cmd|'' /C calc'!A0\",\"2026-11\",1,0,0.0000,1,0,0.0000,1,0,0.0000,0,0,,0.0450,,0.0400,"
                        + "-0.0050,\"EUR\"\r\n");
    }

    @Test
    void noCellStartsAFormulaWhateverTheSeparatorAndNamesRoundTrip() {
        for (String name : UsageCsvTest.HOSTILE_NAMES) {
            var summary = new MonthlySummary("tn_a", name, UsageMonth.parse("2026-11"), "EUR");
            summary.add(
                    new VerificationCost(
                            "tn_a",
                            name,
                            "vf_1",
                            "GB",
                            OffsetDateTime.parse("2026-11-03T10:00:00Z"),
                            new BigDecimal("0.0450"),
                            Set.of("sms"),
                            null),
                    new BigDecimal("0.0400"));
            var out = new StringBuilder();
            try (var csv = new SummaryCsv(out)) {
                csv.line(summary);
            }

            UsageCsvTest.assertNoFormulaCell(name, out.toString());
            String cell = UsageCsvTest.records(out.toString(), CSVFormat.DEFAULT)
                    .get(1)
                    .get(SummaryCsv.HEADER.indexOf("tenant_name"));
            assertThat(SpreadsheetText.original(cell)).as(name).isEqualTo(name);
        }
    }
}
