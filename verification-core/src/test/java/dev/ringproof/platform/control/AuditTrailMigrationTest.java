package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit trail's table takes new rows and refuses to change or lose them, on H2 and PostgreSQL. */
@Tag(TestDatabase.TAG)
class AuditTrailMigrationTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void auditEntriesAreAppendOnly(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection();
                    var s = c.createStatement()) {
                s.executeUpdate("insert into audit_entry (at, actor, role, action, target_type, target_id, changes)"
                        + " values (current_timestamp, 'ops', 'admin', 'tenant.update', 'tenant', 'tn_1', '{}')");
                s.executeUpdate("insert into audit_entry (at, actor, role, action, target_type, target_id, changes)"
                        + " values (current_timestamp, 'ops', 'admin', 'tenant.suspend', 'tenant', 'tn_1', '{}')");

                assertThatThrownBy(() -> s.executeUpdate("update audit_entry set actor = 'someone else'"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> s.executeUpdate("delete from audit_entry where action = 'tenant.update'"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
                try (var rows = s.executeQuery("select actor, seq from audit_entry order by seq")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("ops");
                    long first = rows.getLong(2);
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(2)).isGreaterThan(first);
                }
            }
        } finally {
            db.drop();
        }
    }
}
