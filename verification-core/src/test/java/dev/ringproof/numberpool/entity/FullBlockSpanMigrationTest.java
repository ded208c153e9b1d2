package dev.ringproof.numberpool.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.platform.control.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migration that brings whole-block spans fills them from the pools a running
 * installation already has, on H2 and (with DB_URL) PostgreSQL, exactly as the application
 * would: enabled pools only, joined across pools of one country, cut to blocks of 10 000.
 */
@Tag(TestDatabase.TAG)
class FullBlockSpanMigrationTest {

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void existingPoolsGetTheirSpans(TestDatabase db) throws SQLException {
        try {
            migrate(db, "14.999?"); // whatever comes before V15, without it
            try (var c = db.dataSource().getConnection()) {
                pool(c, "pl_a", "GB", true);
                pool(c, "pl_b", "GB", true);
                pool(c, "pl_off", "GB", false);
                pool(c, "pl_de", "DE", true);
                range(c, "rg_1", "pl_a", 442079460000L, 442079464999L); // half a block here,
                range(c, "rg_2", "pl_b", 442079465000L, 442079479999L); // the rest and one more block there
                range(c, "rg_3", "pl_a", 442079480000L, 442079480001L); // a stub next to them
                range(c, "rg_4", "pl_a", 442070000123L, 442070000123L); // a lone number
                range(c, "rg_5", "pl_off", 442071110000L, 442071119999L); // a whole block, disabled
                range(c, "rg_6", "pl_de", 493012340000L, 493012349999L); // another country's block
                range(c, "rg_7", "pl_de", 493012355000L, 493012364999L); // 10 000 across two blocks

                migrate(db, "15");

                assertThat(spans(c)).containsExactly("DE 493012340000-493012349999", "GB 442079460000-442079479999");
            }
        } finally {
            db.drop();
        }
    }

    private static void migrate(TestDatabase db, String target) {
        Flyway.configure(FullBlockSpanMigrationTest.class.getClassLoader())
                .dataSource(db.dataSource())
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    private static void pool(Connection c, String id, String country, boolean enabled) throws SQLException {
        try (var s = c.prepareStatement("insert into number_pool (id, name, country, enabled, created_at, version)"
                + " values (?, ?, ?, ?, current_timestamp, 1)")) {
            s.setString(1, id);
            s.setString(2, id);
            s.setString(3, country);
            s.setBoolean(4, enabled);
            s.executeUpdate();
        }
    }

    private static void range(Connection c, String id, String pool, long first, long last) throws SQLException {
        try (var s = c.prepareStatement(
                "insert into pool_range (id, pool_id, first_number, last_number)" + " values (?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, pool);
            s.setLong(3, first);
            s.setLong(4, last);
            s.executeUpdate();
        }
    }

    private static List<String> spans(Connection c) throws SQLException {
        List<String> spans = new ArrayList<>();
        try (var s = c.createStatement();
                var rs = s.executeQuery(
                        "select country, first_number, last_number from full_block_span order by country, first_number")) {
            while (rs.next()) {
                spans.add(rs.getString(1) + " " + rs.getLong(2) + "-" + rs.getLong(3));
            }
        }
        return spans;
    }
}
