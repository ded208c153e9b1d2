package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Flyway migrations, exactly as the server runs them, against H2 and (when
 * {@code DB_URL} names one, as in .ci/run's PostgreSQL pass) against PostgreSQL.
 */
@Tag(TestDatabase.TAG)
class MigrationsTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migratesAnEmptyDatabaseOnceAndThenNothing(TestDatabase db) throws SQLException {
        try {
            var migrations = Migrations.on(db.dataSource());
            int pending = migrations.pendingCount();
            assertThat(pending).isGreaterThanOrEqualTo(5);

            int applied = migrations.migrate();

            assertThat(applied).isEqualTo(pending);
            assertThat(migrations.pendingCount()).isZero();
            assertThat(migrations.migrate()).isZero();
            assertThat(migrations.currentVersion()).isNotNull();
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void schemaKeepsConsoleRolesToTheKnownOnes(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection();
                    var s = c.createStatement()) {
                s.executeUpdate("insert into console_user (username, password_hash, enabled, created_at)"
                        + " values ('ops', 'x', true, current_timestamp)");
                s.executeUpdate("insert into console_user_role (username, role) values ('ops', 'billing')");

                assertThatThrownBy(() -> s.executeUpdate(
                                "insert into console_user_role (username, role) values ('ops', 'root')"))
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.executeUpdate(
                                "insert into console_user_role (username, role) values ('nobody', 'admin')"))
                        .isInstanceOf(SQLException.class);
            }
        } finally {
            db.drop();
        }
    }
}
