package dev.ringproof.verification.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.platform.control.JpaSql;
import dev.ringproof.platform.control.Migrations;
import dev.ringproof.platform.control.TestDatabase;
import dev.ringproof.routing.boundary.OutboundSends;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A carrier's reference on the migrated schema, H2 and PostgreSQL: a status callback finds its
 * attempt through the send's record, only for the provider that took it; the send's report, which
 * writes the reference onto the attempt too, changes no indexed column of the attempt, so that on
 * PostgreSQL it updates the row in place (a HOT update) rather than adding an entry to each of the
 * attempt's indexes; and the look-up reads the send's reference index among many sends.
 */
@Tag(TestDatabase.TAG)
class CarrierReferencesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    /** The attempt's update of a send's report, as EclipseLink writes it for Attempt#markSent. */
    private static final String MARK_SENT =
            "UPDATE verification_attempt SET STATUS = ?1, PROVIDER = ?2, provider_ref = ?3 WHERE (ID = ?4)";

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCallbackFindsTheAttemptThroughTheSendOfItsOwnProviderOnly(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                seed(c);
                sent(c, "at_1", "twilio", "SM1");
                sent(c, "at_2", "vonage", "SM1"); // references are unique per provider only

                assertThat(attempts(c, "SM1", "twilio")).containsExactly("at_1");
                assertThat(attempts(c, "SM1", "vonage")).containsExactly("at_2");
                assertThat(attempts(c, "SM1", "sinch")).isEmpty();
                assertThat(attempts(c, "SM9", "twilio")).isEmpty();
            }
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSendsReportUpdatesTheAttemptInPlaceAndTheLookUpReadsTheSendsIndex(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                seed(c);
                c.setAutoCommit(false);
                try (var p = JpaSql.prepared(c, MARK_SENT, "sent", "sandbox", "sbx_1", "at_1")) {
                    assertThat(p.executeUpdate()).isOne();
                }
                if (isPostgres(db)) {
                    assertThat(single(
                                    c, "select pg_stat_get_xact_tuples_hot_updated('verification_attempt'::regclass)"))
                            .as("the report's update of the attempt was a HOT update")
                            .isEqualTo(1L);
                }
                c.commit();

                for (int i = 0; i < 3000; i++) {
                    sent(c, "at_many" + i, "sandbox", "sbx_many" + i);
                }
                c.commit();
                assertThat(attempts(c, "sbx_many1234", "sandbox")).containsExactly("at_many1234");
                if (isPostgres(db)) {
                    try (var s = c.createStatement()) {
                        s.execute("analyze outbound_send");
                    }
                    assertThat(JpaSql.plan(c, OutboundSends.ATTEMPT_SENT_AS, "sbx_many1234", "sandbox"))
                            .contains("Index Scan using outbound_send_ref")
                            .doesNotContain("Seq Scan");
                }
                c.commit();
            }
        } finally {
            db.drop();
        }
    }

    private static void seed(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("insert into tenant (id, name, status, workflow, fallback_missed_call, fallback_sms,"
                    + " fallback_voice, code_length, otp_length, max_checks, ttl_seconds, allowed_countries, created_at, version)"
                    + " values ('tn_1', 'T', 'active', 'sms', 30, 30, 30, 4, 6, 5, 600, '', current_timestamp, 0)");
            s.execute("insert into verification (id, tenant_id, test_mode, phone, country, locale, status, workflow,"
                    + " remaining_checks, created_at, expires_at, version) values ('vf_1', 'tn_1', false,"
                    + " '+447400123456', 'GB', 'en', 'pending', 'sms', 5, current_timestamp, current_timestamp, 0)");
        }
        for (String attempt : List.of("at_1", "at_2")) {
            try (var p = c.prepareStatement(
                    "insert into verification_attempt (id, verification_id, seq, channel,"
                            + " status, started_at, code_length, code_hash) values (?, 'vf_1', ?, 'sms', 'queued', ?, 6, 'h')")) {
                p.setString(1, attempt);
                p.setInt(2, attempt.equals("at_1") ? 1 : 2);
                p.setObject(3, NOW);
                p.executeUpdate();
            }
        }
    }

    /** A send's record as the dispatcher leaves it: claimed without a reference, then its report. */
    private static void sent(Connection c, String attempt, String provider, String reference) throws SQLException {
        try (var p = c.prepareStatement("insert into outbound_send (attempt_id, tenant_id, test, channel, provider,"
                + " accepted, sent_at) values (?, 'tn_1', false, 'sms', 'sandbox', false, ?)")) {
            p.setString(1, attempt);
            p.setObject(2, NOW);
            p.executeUpdate();
        }
        try (var p = c.prepareStatement(
                "update outbound_send set accepted = true, provider_ref = ?, provider = ? where attempt_id = ?")) {
            p.setString(1, reference);
            p.setString(2, provider);
            p.setString(3, attempt);
            p.executeUpdate();
        }
    }

    private static List<String> attempts(Connection c, String reference, String provider) throws SQLException {
        try (var p = JpaSql.prepared(c, OutboundSends.ATTEMPT_SENT_AS, reference, provider);
                var rows = p.executeQuery()) {
            var ids = new ArrayList<String>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement();
                var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean isPostgres(TestDatabase db) {
        return db.toString().equals("PostgreSQL");
    }
}
