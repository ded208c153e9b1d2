package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * V14 on H2 and (with DB_URL) PostgreSQL: the rows written before it stay, as live traffic
 * (handset settings as the open sandbox's), and test traffic may then hold rows with the same
 * keys beside them, while one world still cannot hold a key twice.
 */
@Tag(TestDatabase.TAG)
class LiveAndTestApartMigrationTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void earlierRowsBecomeLiveAndTestRowsMayShareTheirKeys(TestDatabase db) throws SQLException {
        try (var c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(db.dataSource())
                    .locations("classpath:db/migration")
                    .target("13")
                    .load()
                    .migrate();
            s.executeUpdate("insert into idempotency_record (tenant_id, idem_key, request_hash, state, created_at)"
                    + " values ('tn_1', 'k', 'h', 'done', current_timestamp)");
            s.executeUpdate("insert into rate_limit_counter (policy_id, subject, window_start, window_end, hits)"
                    + " values ('rl_default_phone_start', '+447400123456', timestamp '2026-11-28 10:00:00',"
                    + " timestamp '2026-11-28 11:00:00', 5)");
            s.executeUpdate("insert into prefix_traffic (prefix, bucket_start, starts, approvals)"
                    + " values ('+44740', timestamp '2026-11-28 10:00:00', 7, 1)");
            s.executeUpdate("insert into fraud_block (id, prefix, reason, detail, created_at, expires_at)"
                    + " values ('bl_1', '+44740', 'velocity', 'd', current_timestamp, current_timestamp)");
            s.executeUpdate("insert into sandbox_handset (phone, calls, sms, voice)"
                    + " values ('+447400123456', 'unreachable', 'deliver', 'deliver')");

            assertThat(Migrations.on(db.dataSource()).migrate()).isPositive();

            assertThat(one(c, "select count(*) from idempotency_record where test = false"))
                    .isEqualTo(1);
            assertThat(one(c, "select hits from rate_limit_counter where test = false"))
                    .isEqualTo(5);
            assertThat(one(c, "select starts from prefix_traffic where test = false"))
                    .isEqualTo(7);
            assertThat(one(c, "select count(*) from fraud_block where test = false"))
                    .isEqualTo(1);
            assertThat(one(c, "select count(*) from sandbox_handset where tenant_id = '*' and calls = 'unreachable'"))
                    .isEqualTo(1);

            s.executeUpdate(
                    "insert into idempotency_record (tenant_id, test, idem_key, request_hash, state, created_at)"
                            + " values ('tn_1', true, 'k', 'h', 'done', current_timestamp)");
            s.executeUpdate("insert into rate_limit_counter (policy_id, test, subject, window_start, window_end, hits)"
                    + " values ('rl_default_phone_start', true, '+447400123456', timestamp '2026-11-28 10:00:00',"
                    + " timestamp '2026-11-28 11:00:00', 1)");
            s.executeUpdate("insert into prefix_traffic (prefix, test, bucket_start, starts, approvals)"
                    + " values ('+44740', true, timestamp '2026-11-28 10:00:00', 1, 0)");
            s.executeUpdate("insert into sandbox_handset (tenant_id, phone, calls, sms, voice)"
                    + " values ('tn_1', '+447400123456', 'ring', 'fail', 'deliver')");
            assertThat(one(c, "select count(*) from idempotency_record")).isEqualTo(2);
            assertThat(one(c, "select count(*) from sandbox_handset")).isEqualTo(2);

            assertThatThrownBy(() -> s.executeUpdate("insert into idempotency_record"
                            + " (tenant_id, test, idem_key, request_hash, state, created_at)"
                            + " values ('tn_1', true, 'k', 'h2', 'done', current_timestamp)"))
                    .isInstanceOf(SQLException.class);
        } finally {
            db.drop();
        }
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }
}
