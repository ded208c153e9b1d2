package dev.ringproof.usage.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AmountsTest {

    private static UsageGroup group(String channel, long attempts, String unitPrice, String currency) {
        return new UsageGroup(
                "tn_a",
                "A",
                LocalDate.of(2026, 11, 1),
                channel,
                "GB",
                attempts,
                0,
                new BigDecimal(unitPrice),
                currency);
    }

    @Test
    void anAmountIsUnitPriceTimesAttemptsExactlyAtFourDecimals() {
        assertThat(group("sms", 3, "0.0040", "EUR").amount())
                .isEqualByComparingTo("0.0120")
                .hasToString("0.0120");
        assertThat(group("sms", 7, "0.0333", "EUR").amount()).hasToString("0.2331");
        assertThat(group("sms", 0, "0.0333", "EUR").amount()).hasToString("0.0000");
        assertThat(group("sms", 1_000_000_007L, "12.3456", "EUR").amount()).hasToString("12345600086.4192");
    }

    @Test
    void totalsAddEveryLineWithoutLosingACent() {
        var totals = new Totals();
        for (int i = 0; i < 1000; i++) {
            totals.add("EUR", group("missed_call", 1, "0.0001", "EUR").amount());
        }
        totals.add("EUR", new BigDecimal("0.1"));

        assertThat(totals.amount("EUR")).hasToString("0.2000");
        assertThat(totals.singleCurrency("EUR")).contains("EUR");
    }

    @Test
    void currenciesAreNeverAddedTogether() {
        var totals = new Totals();
        totals.add("EUR", new BigDecimal("1.0000"));
        totals.add("USD", new BigDecimal("2.0000"));

        assertThat(totals.singleCurrency("EUR")).isEmpty();
        assertThat(totals.amount("EUR")).hasToString("1.0000");
        assertThat(totals.amount("USD")).hasToString("2.0000");
    }

    @Test
    void anEmptyReportTotalsZeroInTheBillingCurrency() {
        var totals = new Totals();

        assertThat(totals.singleCurrency("EUR")).contains("EUR");
        assertThat(totals.amount("EUR")).hasToString("0.0000");
    }

    @Test
    void aTenantsUsageSumsDaysAndPricesPerChannelAndCountry() {
        var usage = new TenantUsage(Period.parse("2026-11-01", "2026-11-30"));
        usage.add(group("sms", 2, "0.0400", "EUR"));
        usage.add(group("sms", 1, "0.0450", "EUR"));
        usage.add(group("missed_call", 5, "0.0050", "EUR"));

        assertThat(usage.lines())
                .extracting(
                        TenantUsage.Line::channel,
                        TenantUsage.Line::attempts,
                        l -> l.amount().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("missed_call", 5L, "0.0250"),
                        org.assertj.core.groups.Tuple.tuple("sms", 3L, "0.1250"));
        assertThat(usage.totals().amount("EUR")).hasToString("0.1500");
    }
}
