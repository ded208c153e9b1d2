package dev.ringproof.numberpool.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.numberpool.control.CliCounters.Outcome;
import dev.ringproof.platform.control.JpaSql;
import dev.ringproof.platform.control.Migrations;
import dev.ringproof.platform.control.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An outcome's one statement: it counts the outcome, and the call as placed, on the number's day and reads back the day
 * and its pool's day for the judge, on the migrated schema, in H2's and PostgreSQL's spelling.
 */
@Tag(TestDatabase.TAG)
class CliCountersQueriesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void countsTheOutcomeAndReadsTheNumbersDayWithItsPoolsDayOrWithoutOne(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                execute(
                        c,
                        "insert into cli_day (cli_key, on_day, pool_id, sealed, placed, ringing, answered, failed,"
                                + " approved) values ('k1', ?, 'pl_1', 's', 5, 4, 1, 1, 2)");
                execute(
                        c,
                        "insert into cli_day (cli_key, on_day, pool_id, sealed, placed, ringing, answered, failed,"
                                + " approved) values ('k1', ?, 'pl_1', 's', 9, 9, 9, 9, 9)",
                        DAY.minusDays(1));
                execute(c, "insert into pool_day (pool_id, on_day, placed, approved) values ('pl_1', ?, 40, 10)");
                execute(c, "insert into pool_day (pool_id, on_day, placed, approved) values ('pl_2', ?, 7, 7)");

                boolean postgres = db.toString().equals("PostgreSQL");
                String ringing = CliCounters.bumpAndReadSql(postgres, CliCounters.counted(Outcome.RINGING));
                String answered = CliCounters.bumpAndReadSql(postgres, CliCounters.counted(Outcome.ANSWERED));
                String failed = CliCounters.bumpAndReadSql(postgres, CliCounters.counted(Outcome.FAILED));
                // every outcome is a call placed: the start no longer counts it on the number's day
                assertThat(row(c, ringing, "k1", "pl_1"))
                        .as("counted, then read")
                        .containsExactly(6L, 5L, 1L, 1L, 2L, 40L, 10L);
                assertThat(row(c, answered, "k1", "pl_1")).containsExactly(7L, 6L, 2L, 1L, 2L, 40L, 10L);
                assertThat(row(c, failed, "k1", "pl_1")).containsExactly(8L, 6L, 2L, 2L, 2L, 40L, 10L);
                // a pool without a row of the day: the number's counts, and none of the pool's
                assertThat(row(c, ringing, "k1", "pl_3")).containsExactly(9L, 7L, 2L, 2L, 2L, null, null);
                assertThat(rows(c, ringing, "k2", "pl_1"))
                        .as("no row: nothing counted")
                        .isEmpty();
                try (var s = c.createStatement();
                        var r = s.executeQuery(
                                "select ringing, answered, placed from cli_day where cli_key = 'k1' order by on_day")) {
                    r.next();
                    assertThat(r.getLong(1)).as("the day before, untouched").isEqualTo(9);
                    assertThat(r.getLong(3)).isEqualTo(9);
                    r.next();
                    assertThat(r.getLong(1)).isEqualTo(7);
                    assertThat(r.getLong(2)).isEqualTo(2);
                    assertThat(r.getLong(3)).isEqualTo(9);
                }
            }
        } finally {
            db.drop();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        execute(c, sql, DAY);
    }

    private static void execute(Connection c, String sql, LocalDate day) throws SQLException {
        try (var p = c.prepareStatement(sql)) {
            p.setObject(1, day);
            p.executeUpdate();
        }
    }

    private static List<Long> row(Connection c, String sql, String key, String pool) throws SQLException {
        var found = rows(c, sql, key, pool);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<List<Long>> rows(Connection c, String sql, String key, String pool) throws SQLException {
        try (var p = JpaSql.prepared(c, sql, key, DAY, pool)) {
            try (var r = p.executeQuery()) {
                var all = new ArrayList<List<Long>>();
                while (r.next()) {
                    var row = new ArrayList<Long>();
                    for (int i = 1; i <= 7; i++) {
                        long v = r.getLong(i);
                        row.add(r.wasNull() ? null : v);
                    }
                    all.add(row);
                }
                return all;
            }
        }
    }
}
