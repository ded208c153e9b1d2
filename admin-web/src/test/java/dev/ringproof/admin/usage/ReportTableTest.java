package dev.ringproof.admin.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.usage.entity.MonthlySummary;
import dev.ringproof.usage.entity.Period;
import dev.ringproof.usage.entity.UsageGroup;
import dev.ringproof.usage.entity.UsageMonth;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the view-scoped report page keeps between requests is written out with the view and read back whole. */
class ReportTableTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void aReportWithLinesAndSummariesSurvivesSerialization() throws Exception {
        var table = new ReportTable(new Period(DAY, DAY));
        table.add(new UsageGroup("tn_1", "Acme", DAY, "sms", "GB", 3, 2, new BigDecimal("0.0400"), "EUR"));
        table.add(new UsageGroup("tn_1", "Acme", DAY, "voice", "GB", 1, 0, new BigDecimal("0.0100"), "USD"));
        var summaries = List.of(new MonthlySummary("tn_1", "Acme", new UsageMonth(YearMonth.of(2026, 11)), "EUR"));

        var copy = (ReportTable) roundTrip(table);
        var summariesCopy = (List<?>) roundTrip(summaries);

        assertThat(copy.period()).isEqualTo(new Period(DAY, DAY));
        assertThat(copy.lines()).isEqualTo(table.lines());
        assertThat(copy.totalAmount()).isEqualTo("0.1200 EUR + 0.0100 USD");
        assertThat(copy.attempts()).isEqualTo(4);
        assertThat(summariesCopy).hasSize(1);
    }

    private static Object roundTrip(Object value) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
