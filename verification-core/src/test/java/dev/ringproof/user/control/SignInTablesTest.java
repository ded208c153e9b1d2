package dev.ringproof.user.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.platform.control.Migrations;
import dev.ringproof.platform.control.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sign-in throttle's tables and its own SQL on H2 and (with DB_URL) PostgreSQL: a row is
 * opened once however often it is asked for, and old rows are forgotten, locked ones never.
 */
@Tag(TestDatabase.TAG)
class SignInTablesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-28T10:00:00Z");

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rowsOpenOnceAndExistingUsersGetTheLifecycleDefaults(TestDatabase db) throws SQLException {
        try (var c = migrated(db)) {
            for (int i = 0; i < 2; i++) {
                run(c, SignInThrottle.OPEN_STREAK, "ops", NOW);
                run(c, SignInThrottle.OPEN_ADDRESS, "192.0.2.7", NOW);
            }
            assertThat(count(c, "select count(*) from sign_in_streak where username = 'ops' and failures = 0"))
                    .isEqualTo(1);
            assertThat(count(c, "select count(*) from sign_in_address where failures = 0"))
                    .isEqualTo(1);

            try (var s = c.createStatement()) {
                s.executeUpdate("insert into console_user (username, password_hash, enabled, created_at)"
                        + " values ('old', 'x', true, current_timestamp)");
            }
            assertThat(count(
                            c,
                            "select count(*) from console_user where username = 'old'"
                                    + " and session_version = 0 and must_change_password = false"))
                    .isEqualTo(1);
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oldRowsAreForgottenButNotALockoutThatStillRuns(TestDatabase db) throws SQLException {
        try (var c = migrated(db)) {
            var old = NOW.minusDays(2);
            run(c, SignInThrottle.OPEN_STREAK, "stale", old);
            run(c, SignInThrottle.OPEN_STREAK, "locked", old);
            run(c, SignInThrottle.OPEN_STREAK, "recent", NOW.minusMinutes(5));
            try (var s = c.prepareStatement("update sign_in_streak set locked_until = ? where username = 'locked'")) {
                s.setObject(1, NOW.plusMinutes(5));
                s.executeUpdate();
            }
            run(c, SignInThrottle.OPEN_ADDRESS, "192.0.2.1", NOW.minusMinutes(11));
            run(c, SignInThrottle.OPEN_ADDRESS, "192.0.2.2", NOW.minusMinutes(1));

            run(c, SignInThrottle.FORGET_STREAKS, NOW.minus(SignInThrottle.FORGET_AFTER), NOW);
            run(c, SignInThrottle.FORGET_ADDRESSES, NOW.minusMinutes(10));

            assertThat(count(c, "select count(*) from sign_in_streak where username in ('locked', 'recent')"))
                    .isEqualTo(2);
            assertThat(count(c, "select count(*) from sign_in_streak")).isEqualTo(2);
            assertThat(count(c, "select count(*) from sign_in_address where address = '192.0.2.2'"))
                    .isEqualTo(1);
            assertThat(count(c, "select count(*) from sign_in_address")).isEqualTo(1);
        } finally {
            db.drop();
        }
    }

    private static Connection migrated(TestDatabase db) throws SQLException {
        Migrations.on(db.dataSource()).migrate();
        return db.dataSource().getConnection();
    }

    /** Runs the throttle's JPA native SQL through JDBC: its numbered parameters become plain ones. */
    private static void run(Connection c, String jpaSql, Object... parameters) throws SQLException {
        try (var s = c.prepareStatement(jpaSql.replaceAll("\\?\\d", "?"))) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement();
                var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
