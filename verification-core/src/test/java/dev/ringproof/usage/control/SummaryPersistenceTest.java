package dev.ringproof.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.platform.control.Migrations;
import dev.ringproof.platform.control.TestDatabase;
import dev.ringproof.usage.entity.MonthlySummary;
import dev.ringproof.usage.entity.UsageMonth;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The monthly summary's query and arithmetic on H2 and (with DB_URL) PostgreSQL: a verification
 * belongs to the month of its first send with all its sends, the SMS-only price is the one in
 * force for its country when it started, and every figure comes out exact.
 */
@Tag(TestDatabase.TAG)
class SummaryPersistenceTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMonthHoldsTheVerificationsThatStartedInItWithAllTheirSends(TestDatabase db) throws SQLException {
        try (var c = db.dataSource().getConnection()) {
            Migrations.on(db.dataSource()).migrate();
            knownMix(c);

            assertThat(summaries(c, "2026-11", null))
                    .extracting(SummaryPersistenceTest::figures)
                    .containsExactly(
                            "tn_a =Acme 4 3 0.7500 | missed_call 3 1 0.3333 | sms 1 1 1.0000 | voice 1 1 1.0000"
                                    + " | 0.1150 0.0383 0.1700 0.0550 EUR",
                            "tn_b Beta 1 1 1.0000 | missed_call 1 1 1.0000 | sms 0 0 null | voice 0 0 null"
                                    + " | 0.0050 0.0050 0.0450 0.0400 EUR");
            assertThat(summaries(c, "2026-11", "tn_b"))
                    .extracting(MonthlySummary::tenantId)
                    .containsExactly("tn_b");
            assertThat(summaries(c, "2026-10", null))
                    .extracting(SummaryPersistenceTest::figures)
                    .containsExactly("tn_a =Acme 1 1 1.0000 | missed_call 1 0 0.0000 | sms 1 1 1.0000 | voice 0 0 null"
                            + " | 0.0450 0.0450 0.0400 -0.0050 EUR");
            assertThat(summaries(c, "2026-12", null))
                    .as("vf_2's December SMS counts in November")
                    .isEmpty();
        } finally {
            db.drop();
        }
    }

    /** Prices: SMS to anywhere 0.0400 all year, to GB 0.0450 from 10 November (and 0.0999 from next year). */
    private static void knownMix(Connection c) throws SQLException {
        price(c, "pr_1", "*", "0.0400", "2026-01-01T00:00:00Z");
        price(c, "pr_2", "GB", "0.0450", "2026-11-10T00:00:00Z");
        price(c, "pr_3", "GB", "0.0999", "2027-01-01T00:00:00Z"); // not started yet: never used
        tenant(c, "tn_a", "=Acme");
        tenant(c, "tn_b", "Beta");
        // approved by missed call before the GB SMS price started: SMS-only at 0.0400
        verification(c, "tn_a", "vf_1", "GB", "approved", "missed_call@2026-11-03T10:00:00Z=0.0050");
        // started on 30 November, approved by SMS after midnight: all of it is November's
        verification(
                c,
                "tn_a",
                "vf_2",
                "GB",
                "approved",
                "missed_call@2026-11-30T23:59:50Z=0.0050",
                "sms@2026-12-01T00:00:20Z=0.0400");
        verification(c, "tn_a", "vf_3", "GB", "expired", "missed_call@2026-11-12T08:00:00Z=0.0050");
        // started on 31 October: October's, although its SMS went out in November
        verification(
                c,
                "tn_a",
                "vf_4",
                "GB",
                "approved",
                "missed_call@2026-10-31T23:59:59Z=0.0050",
                "sms@2026-11-01T00:00:30Z=0.0400");
        // France has no SMS price of its own: the any-country one
        verification(c, "tn_a", "vf_5", "FR", "approved", "voice@2026-11-15T12:00:00Z=0.0600");
        verification(c, "tn_b", "vf_6", "GB", "approved", "missed_call@2026-11-20T09:00:00Z=0.0050");
    }

    private static List<MonthlySummary> summaries(Connection c, String month, String tenant) throws SQLException {
        List<MonthlySummary> found = new ArrayList<>();
        SummaryQuery.forEachTenant(c, UsageMonth.parse(month), tenant, "EUR", found::add);
        return found;
    }

    private static String figures(MonthlySummary s) {
        var text = new StringBuilder(s.tenantId() + " " + s.tenantName() + " " + s.started() + " " + s.approved() + " "
                + s.conversionRate());
        s.conversions()
                .forEach(v -> text.append(" | ")
                        .append(v.channel())
                        .append(' ')
                        .append(v.reached())
                        .append(' ')
                        .append(v.approved())
                        .append(' ')
                        .append(v.rate()));
        return text.append(" | ")
                .append(s.cost())
                .append(' ')
                .append(s.costPerApproved())
                .append(' ')
                .append(s.smsOnlyCost())
                .append(' ')
                .append(s.saving())
                .append(' ')
                .append(s.currency())
                .toString();
    }

    private static void tenant(Connection c, String id, String name) throws SQLException {
        try (var s = c.prepareStatement("insert into tenant (id, name, status, workflow, fallback_missed_call,"
                + " fallback_sms, fallback_voice, code_length, otp_length, max_checks, ttl_seconds, allowed_countries,"
                + " created_at, version) values (?, ?, 'active', 'missed_call,sms,voice', 30, 60, 60, 4, 6, 5, 600,"
                + " '', current_timestamp, 1)")) {
            s.setString(1, id);
            s.setString(2, name);
            s.executeUpdate();
        }
    }

    private static void price(Connection c, String id, String country, String unitPrice, String from)
            throws SQLException {
        try (var s = c.prepareStatement("insert into price (id, channel, country, unit_price, currency, valid_from)"
                + " values (?, 'sms', ?, ?, 'EUR', ?)")) {
            s.setString(1, id);
            s.setString(2, country);
            s.setBigDecimal(3, new BigDecimal(unitPrice));
            s.setObject(4, OffsetDateTime.parse(from));
            s.executeUpdate();
        }
    }

    /** A verification and, per send "channel@time=price", an attempt and its ledger line. */
    private static void verification(
            Connection c, String tenant, String id, String country, String status, String... sends)
            throws SQLException {
        try (var s = c.prepareStatement(
                "insert into verification (id, tenant_id, test_mode, phone, country, locale,"
                        + " status, workflow, remaining_checks, created_at, expires_at, version) values (?, ?, false,"
                        + " '+447400000001', ?, 'en', ?, 'missed_call,sms,voice', 5, current_timestamp, current_timestamp, 1)")) {
            s.setString(1, id);
            s.setString(2, tenant);
            s.setString(3, country);
            s.setString(4, status);
            s.executeUpdate();
        }
        for (int seq = 1; seq <= sends.length; seq++) {
            String[] send = sends[seq - 1].split("[@=]");
            String attempt = id + "_" + seq;
            try (var s = c.prepareStatement("insert into verification_attempt (id, verification_id, seq, channel,"
                    + " status, started_at, code_length, code_hash) values (?, ?, ?, ?, 'sent', ?, 4, 'h')")) {
                s.setString(1, attempt);
                s.setString(2, id);
                s.setInt(3, seq);
                s.setString(4, send[0]);
                s.setObject(5, OffsetDateTime.parse(send[1]));
                s.executeUpdate();
            }
            line(c, tenant, id, attempt, country, send);
        }
    }

    private static void line(
            Connection c, String tenant, String verification, String attempt, String country, String[] send)
            throws SQLException {
        var at = OffsetDateTime.parse(send[1]);
        try (var s = c.prepareStatement("insert into usage_line (id, attempt_id, tenant_id, verification_id, channel,"
                + " country, provider, unit_price, currency, recorded_at, usage_day)"
                + " values (?, ?, ?, ?, ?, ?, 'sandbox', ?, 'EUR', ?, ?)")) {
            s.setString(1, "ul_" + attempt);
            s.setString(2, attempt);
            s.setString(3, tenant);
            s.setString(4, verification);
            s.setString(5, send[0]);
            s.setString(6, country);
            s.setBigDecimal(7, new BigDecimal(send[2]));
            s.setObject(8, at);
            s.setObject(9, at.toLocalDate());
            s.executeUpdate();
        }
    }
}
