package dev.ringproof.webhook.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.control.Migrations;
import dev.ringproof.platform.control.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * V20 on H2 and (with DB_URL) PostgreSQL: the webhook settings a tenant held before it are its
 * endpoint's after it, value for value (sealed secrets stay as they were, bound to the tenant),
 * every tenant gets an endpoint, and the tenant table keeps no webhook column.
 */
@Tag(TestDatabase.TAG)
class WebhookEndpointMigrationTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void tenantsWebhookSettingsBecomeTheirEndpoints(TestDatabase db) throws SQLException {
        try (var c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(db.dataSource())
                    .locations("classpath:db/migration")
                    .target("19")
                    .load()
                    .migrate();
            s.executeUpdate(tenant(
                    "tn_hooked",
                    "'https://hooks.example.com/a', 'sealed1.current', 'sealed1.old',"
                            + " timestamp with time zone '2026-11-29 10:00:00+00', null, null, false"));
            s.executeUpdate(tenant(
                    "tn_gone",
                    "'http://10.0.0.7/hook', 'sealed1.gone', null, null,"
                            + " timestamp with time zone '2026-11-28 09:30:00+00', 'The receiver answered 410 Gone to evt_1.',"
                            + " true"));
            s.executeUpdate(tenant("tn_plain", "null, null, null, null, null, null, false"));
            s.executeUpdate("insert into webhook_event (id, tenant_id, type, payload, created_at, state, attempts)"
                    + " values ('evt_1', 'tn_gone', 'verification.approved', '{}', current_timestamp, 'failed', 1)");

            assertThat(Migrations.on(db.dataSource()).migrate()).isPositive();

            assertThat(row(c, "tn_hooked"))
                    .containsExactly(
                            "https://hooks.example.com/a",
                            "sealed1.current",
                            "sealed1.old",
                            "2026-11-29T10:00Z",
                            null,
                            null,
                            "false");
            assertThat(row(c, "tn_gone"))
                    .containsExactly(
                            "http://10.0.0.7/hook",
                            "sealed1.gone",
                            null,
                            null,
                            "2026-11-28T09:30Z",
                            "The receiver answered 410 Gone to evt_1.",
                            "true");
            assertThat(row(c, "tn_plain")).containsExactly(null, null, null, null, null, null, "false");
            assertThatThrownBy(() -> s.executeQuery("select webhook_url from tenant"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("insert into webhook_endpoint (tenant_id, allow_private, version)"
                            + " values ('tn_nobody', false, 1)"))
                    .as("an endpoint belongs to a tenant")
                    .isInstanceOf(SQLException.class);
        } finally {
            db.drop();
        }
    }

    private static String tenant(String id, String webhookValues) {
        return "insert into tenant (id, name, status, workflow, fallback_missed_call, fallback_sms, fallback_voice,"
                + " code_length, otp_length, max_checks, ttl_seconds, allowed_countries, created_at, version,"
                + " webhook_url, webhook_secret, webhook_previous_secret, webhook_previous_secret_until,"
                + " webhook_disabled_at, webhook_disabled_reason, webhook_allow_private)"
                + " values ('" + id + "', 'Acme', 'active', 'missed_call,sms', 30, 60, 60, 4, 6, 5, 600, '',"
                + " current_timestamp, 3, " + webhookValues + ")";
    }

    private static String[] row(Connection c, String tenantId) throws SQLException {
        try (var s = c.prepareStatement("select url, secret, previous_secret, previous_secret_until, disabled_at,"
                + " disabled_reason, allow_private from webhook_endpoint where tenant_id = ?")) {
            s.setString(1, tenantId);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).as(tenantId).isTrue();
                return new String[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    utc(rs.getObject(4, OffsetDateTime.class)),
                    utc(rs.getObject(5, OffsetDateTime.class)),
                    rs.getString(6),
                    Boolean.toString(rs.getBoolean(7))
                };
            }
        }
    }

    private static String utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }
}
