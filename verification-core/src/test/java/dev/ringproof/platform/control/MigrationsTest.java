package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Flyway migrations, exactly as the server runs them, against H2 and (when
 * {@code DB_URL} names one, as in .ci/run's PostgreSQL pass) against PostgreSQL.
 */
class MigrationsTest {

    static Stream<TestDatabase> databases() {
        List<TestDatabase> databases = new ArrayList<>();
        databases.add(TestDatabase.h2());
        var postgres = TestDatabase.postgresOrNull();
        if (postgres != null) {
            databases.add(postgres);
        }
        return databases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migratesAnEmptyDatabaseOnceAndThenNothing(TestDatabase db) throws SQLException {
        try {
            var migrations = Migrations.on(db.dataSource());
            assertThat(migrations.pendingCount()).isGreaterThanOrEqualTo(2);

            int applied = migrations.migrate();

            assertThat(applied).isGreaterThanOrEqualTo(2);
            assertThat(migrations.pendingCount()).isZero();
            assertThat(migrations.migrate()).isZero();
            // versions are handed out per branch, so the newest may be above the number applied
            assertThat(Integer.parseInt(migrations.currentVersion())).isGreaterThanOrEqualTo(applied);
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void schemaKeepsConsoleRolesToTheKnownOnes(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
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
