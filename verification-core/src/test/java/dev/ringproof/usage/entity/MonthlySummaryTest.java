package dev.ringproof.usage.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The summary's arithmetic: exact sums, quotients half-even at 4 decimals, none without a divisor. */
class MonthlySummaryTest {

    private static final BigDecimal SMS = new BigDecimal("0.0400");

    @Test
    void sumsCountsRatesCostPerApprovedAndTheSavingAgainstSmsOnly() {
        var summary = new MonthlySummary("tn_a", "Acme", UsageMonth.parse("2026-11"), "EUR");
        summary.add(cost("0.0050", Set.of("missed_call"), "missed_call"), SMS);
        summary.add(cost("0.0470", Set.of("missed_call", "sms"), "sms"), SMS);
        summary.add(cost("0.1070", Set.of("missed_call", "sms", "voice"), "voice"), SMS);
        summary.add(cost("0.0070", Set.of("missed_call"), null), SMS);

        assertThat(summary.started()).isEqualTo(4);
        assertThat(summary.approved()).isEqualTo(3);
        assertThat(summary.conversionRate()).isEqualByComparingTo("0.75").hasToString("0.7500");
        assertThat(summary.conversions())
                .extracting(c -> c.channel() + " " + c.reached() + " " + c.approved() + " " + c.rate())
                .containsExactly("missed_call 4 1 0.2500", "sms 2 1 0.5000", "voice 1 1 1.0000");
        assertThat(summary.cost()).hasToString("0.1660");
        assertThat(summary.costPerApproved()).hasToString("0.0553");
        assertThat(summary.smsOnlyCost()).hasToString("0.1600");
        assertThat(summary.saving()).hasToString("-0.0060");
    }

    @Test
    void missedCallsThatApproveSaveTheDifferenceToAnSms() {
        var summary = new MonthlySummary("tn_a", "Acme", UsageMonth.parse("2026-11"), "EUR");
        for (int i = 0; i < 3; i++) {
            summary.add(cost("0.0050", Set.of("missed_call"), "missed_call"), new BigDecimal("0.0415"));
        }
        assertThat(summary.costPerApproved()).hasToString("0.0050");
        assertThat(summary.saving()).hasToString("0.1095");
        // 2/3 rounds half-even at the fourth decimal, never through a double
        summary.add(cost("0.0050", Set.of("missed_call"), null), new BigDecimal("0.0415"));
        summary.add(cost("0.0050", Set.of("missed_call"), null), new BigDecimal("0.0415"));
        summary.add(cost("0.0050", Set.of("missed_call"), null), new BigDecimal("0.0415"));
        assertThat(summary.conversionRate()).hasToString("0.5000");
        assertThat(summary.costPerApproved()).hasToString("0.0100");
    }

    @Test
    void withoutTrafficEveryCountIsZeroAndNoQuotientIsMadeUp() {
        var summary = new MonthlySummary("tn_a", "Acme", UsageMonth.parse("2026-11"), "EUR");

        assertThat(summary.started()).isZero();
        assertThat(summary.cost()).hasToString("0.0000");
        assertThat(summary.saving()).hasToString("0.0000");
        assertThat(summary.conversionRate()).isNull();
        assertThat(summary.costPerApproved()).isNull();
        assertThat(summary.conversions())
                .extracting(MonthlySummary.Conversion::rate)
                .containsOnlyNulls();
        assertThat(summary.conversions())
                .extracting(MonthlySummary.Conversion::channel)
                .containsExactly("missed_call", "sms", "voice");
    }

    @Test
    void aThirdRoundsHalfEvenAtFourDecimals() {
        var summary = new MonthlySummary("tn_a", "Acme", UsageMonth.parse("2026-11"), "EUR");
        summary.add(cost("0.0100", Set.of("sms"), "sms"), SMS);
        summary.add(cost("0.0100", Set.of("sms"), "sms"), SMS);
        summary.add(cost("0.0100", Set.of("sms"), null), SMS);

        assertThat(summary.conversionRate()).hasToString("0.6667");
        assertThat(summary.costPerApproved()).hasToString("0.0150");
        assertThat(summary.conversions().get(1).rate()).hasToString("0.6667");
    }

    private static VerificationCost cost(String amount, Set<String> channels, String approvedOn) {
        return new VerificationCost(
                "tn_a",
                "Acme",
                "vf_x",
                "GB",
                OffsetDateTime.parse("2026-11-03T10:00:00Z"),
                new BigDecimal(amount),
                channels,
                approvedOn);
    }
}
