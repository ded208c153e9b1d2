package dev.ringproof.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.platform.control.Migrations;
import dev.ringproof.platform.control.TestDatabase;
import dev.ringproof.sealing.control.Seal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sealing of webhook secrets stored in clear by an earlier version, on H2 and (with
 * {@code DB_URL}) PostgreSQL: every clear value sealed for its tenant, sealed ones untouched.
 */
@Tag(TestDatabase.TAG)
class ClearWebhookSecretsTest {

    private final Seal seal = Seal.derive("a long server secret, as production sets one", "webhook signing secret");

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sealsEveryClearSecretOnceAndLeavesSealedOnesAlone(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            Migrations.on(db.dataSource()).migrate();
            String alreadySealed = seal.close("whsec_c3", WebhookSecrets.boundTo("tn_c"));
            tenant(c, "tn_a", "whsec_a1", "whsec_a0");
            tenant(c, "tn_b", "whsec_b1", null);
            tenant(c, "tn_c", alreadySealed, null);
            tenant(c, "tn_d", null, null);

            assertThat(ClearWebhookSecrets.seal(c, seal)).isEqualTo(2);

            assertThat(opened(c, "tn_a")).containsExactly("whsec_a1", "whsec_a0");
            assertThat(opened(c, "tn_b")).containsExactly("whsec_b1", null);
            assertThat(stored(c, "tn_c")[0]).isEqualTo(alreadySealed);
            assertThat(stored(c, "tn_d")).containsExactly(null, null);
            assertThat(stored(c, "tn_a")[0]).startsWith("sealed1.").doesNotContain("whsec_a1");
            assertThat(ClearWebhookSecrets.seal(c, seal)).isZero();
        } finally {
            db.drop();
        }
    }

    private String[] opened(Connection c, String id) throws SQLException {
        String[] stored = stored(c, id);
        return new String[] {
            seal.open(stored[0], WebhookSecrets.boundTo(id)), seal.open(stored[1], WebhookSecrets.boundTo(id))
        };
    }

    private static String[] stored(Connection c, String id) throws SQLException {
        try (var s = c.prepareStatement("select secret, previous_secret from webhook_endpoint where tenant_id = ?")) {
            s.setString(1, id);
            try (var rows = s.executeQuery()) {
                rows.next();
                return new String[] {rows.getString(1), rows.getString(2)};
            }
        }
    }

    private static void tenant(Connection c, String id, String secret, String previous) throws SQLException {
        try (var s = c.prepareStatement("insert into tenant (id, name, status, workflow, fallback_missed_call,"
                + " fallback_sms, fallback_voice, code_length, otp_length, max_checks, ttl_seconds, allowed_countries,"
                + " created_at, version) values (?, 'Acme', 'active', 'sms', 30, 60, 60, 4, 6, 5, 600, '',"
                + " current_timestamp, 1)")) {
            s.setString(1, id);
            s.executeUpdate();
        }
        try (var s = c.prepareStatement("insert into webhook_endpoint (tenant_id, url, secret, previous_secret,"
                + " allow_private, version) values (?, 'https://example.com/hook', ?, ?, false, 1)")) {
            s.setString(1, id);
            s.setString(2, secret);
            s.setString(3, previous);
            s.executeUpdate();
        }
    }
}
