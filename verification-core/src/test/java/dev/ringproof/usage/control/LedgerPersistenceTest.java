package dev.ringproof.usage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.control.Migrations;
import dev.ringproof.platform.control.TestDatabase;
import dev.ringproof.usage.entity.Period;
import dev.ringproof.usage.entity.UsageGroup;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ledger's table and report query on H2 and (with DB_URL) PostgreSQL: one line per
 * attempt, enforced by the database; sums and the approved count exactly as reported.
 */
@Tag(TestDatabase.TAG)
class LedgerPersistenceTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSecondLineForTheSameAttemptIsRefused(TestDatabase db) throws SQLException {
        try (var c = migrated(db)) {
            verification(c, "vf_1", "approved", "at_1", "at_2");
            line(c, "ul_1", "at_1", "vf_1", "missed_call", "0.0050", "2026-11-03T10:00:00Z");

            assertThatThrownBy(() -> line(c, "ul_2", "at_1", "vf_1", "missed_call", "0.0050", "2026-11-03T10:00:01Z"))
                    .isInstanceOf(SQLException.class);
            assertThat(count(c)).isEqualTo(1);
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void reportLinesGroupByDayChannelCountryAndPriceAndCountTheApprovingAttempt(TestDatabase db) throws SQLException {
        try (var c = migrated(db)) {
            verification(c, "vf_1", "approved", "at_1"); // missed call approved
            verification(c, "vf_2", "approved", "at_2", "at_3"); // missed call, then SMS approved
            verification(c, "vf_3", "expired", "at_4"); // missed call, never approved
            line(c, "ul_1", "at_1", "vf_1", "missed_call", "0.0050", "2026-11-03T10:00:00Z");
            line(c, "ul_2", "at_2", "vf_2", "missed_call", "0.0050", "2026-11-03T23:59:59Z");
            line(c, "ul_3", "at_3", "vf_2", "sms", "0.0400", "2026-11-04T00:00:00Z");
            line(c, "ul_4", "at_4", "vf_3", "missed_call", "0.0060", "2026-11-03T12:00:00Z");
            line(c, "ul_5", "at_9", "vf_9", "sms", "0.0400", "2026-12-01T00:00:00Z");

            List<UsageGroup> groups = new ArrayList<>();
            LedgerQuery.forEachGroup(c, Period.parse("2026-11-01", "2026-11-30"), null, groups::add);

            assertThat(groups)
                    .extracting(g -> g.day() + " " + g.channel() + " " + g.country() + " " + g.attempts() + " "
                            + g.approved() + " " + g.unitPrice() + " " + g.amount() + " " + g.currency())
                    .containsExactly(
                            "2026-11-03 missed_call GB 2 1 0.0050 0.0100 EUR",
                            "2026-11-03 missed_call GB 1 0 0.0060 0.0060 EUR",
                            "2026-11-04 sms GB 1 1 0.0400 0.0400 EUR");
            assertThat(groups).allSatisfy(g -> assertThat(g.tenantName()).isEqualTo("=Acme"));
            List<UsageGroup> other = new ArrayList<>();
            LedgerQuery.forEachGroup(c, Period.parse("2026-11-01", "2026-11-30"), "tn_other", other::add);
            assertThat(other).isEmpty();
        } finally {
            db.drop();
        }
    }

    private static Connection migrated(TestDatabase db) throws SQLException {
        Migrations.on(db.dataSource()).migrate();
        var c = db.dataSource().getConnection();
        try (var s = c.createStatement()) {
            s.executeUpdate("insert into tenant (id, name, status, workflow, fallback_missed_call, fallback_sms,"
                    + " fallback_voice, code_length, otp_length, max_checks, ttl_seconds, allowed_countries,"
                    + " created_at, version) values ('tn_a', '=Acme', 'active', 'missed_call,sms,voice',"
                    + " 30, 60, 60, 4, 6, 5, 600, '', current_timestamp, 1)");
        }
        verification(c, "vf_9", "approved", "at_9");
        return c;
    }

    private static void verification(Connection c, String id, String status, String... attemptIds) throws SQLException {
        try (var s = c.prepareStatement("insert into verification (id, tenant_id, test_mode, phone, country,"
                + " locale, status, workflow, remaining_checks, created_at, expires_at, version)"
                + " values (?, 'tn_a', false, '+447400000001', 'GB', 'en', ?, 'missed_call,sms,voice', 5,"
                + " current_timestamp, current_timestamp, 1)")) {
            s.setString(1, id);
            s.setString(2, status);
            s.executeUpdate();
        }
        for (int seq = 1; seq <= attemptIds.length; seq++) {
            try (var s = c.prepareStatement("insert into verification_attempt (id, verification_id, seq, channel,"
                    + " status, started_at, code_length, code_hash) values (?, ?, ?, 'sms', 'sent',"
                    + " current_timestamp, 4, 'h')")) {
                s.setString(1, attemptIds[seq - 1]);
                s.setString(2, id);
                s.setInt(3, seq);
                s.executeUpdate();
            }
        }
    }

    private static void line(
            Connection c, String id, String attempt, String verification, String channel, String price, String at)
            throws SQLException {
        var time = java.time.OffsetDateTime.parse(at);
        try (var s = c.prepareStatement("insert into usage_line (id, attempt_id, tenant_id, verification_id,"
                + " channel, country, provider, unit_price, currency, recorded_at, usage_day)"
                + " values (?, ?, 'tn_a', ?, ?, 'GB', 'sandbox', ?, 'EUR', ?, ?)")) {
            s.setString(1, id);
            s.setString(2, attempt);
            s.setString(3, verification);
            s.setString(4, channel);
            s.setBigDecimal(5, new java.math.BigDecimal(price));
            s.setObject(6, time);
            s.setObject(7, time.toLocalDate());
            s.executeUpdate();
        }
    }

    private static long count(Connection c) throws SQLException {
        try (var s = c.createStatement();
                var r = s.executeQuery("select count(*) from usage_line")) {
            r.next();
            return r.getLong(1);
        }
    }
}
