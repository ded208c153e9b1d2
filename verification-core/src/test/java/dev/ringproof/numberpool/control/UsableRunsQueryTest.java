package dev.ringproof.numberpool.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.numberpool.entity.NumberRun;
import dev.ringproof.platform.control.JpaSql;
import dev.ringproof.platform.control.Migrations;
import dev.ringproof.platform.control.TestDatabase;
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

/** A draw's one read of its country's spans and resting blocks, on the migrated schema, H2 and PostgreSQL. */
@Tag(TestDatabase.TAG)
class UsableRunsQueryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 29, 20, 0, 0, 0, ZoneOffset.UTC);

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void leavesOutTheCountrysBlocksRestingNowAndNothingElse(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                span(c, 442079400000L, 442079449999L, "GB");
                span(c, 442079460000L, 442079479999L, "GB");
                span(c, 33100000000L, 33100009999L, "FR");
                // resting until the hour ends, resting for good, rested until before now, another country's
                rest(c, 442079410000L, "GB", NOW.plusMinutes(30));
                rest(c, 442079470000L, "GB", null);
                rest(c, 442079420000L, "GB", NOW.minusMinutes(1));
                rest(c, 33100000000L, "FR", null);

                assertThat(usableRuns(c, "GB"))
                        .containsExactly(
                                new NumberRun(442079400000L, 442079409999L),
                                new NumberRun(442079420000L, 442079449999L),
                                new NumberRun(442079460000L, 442079469999L));
                assertThat(usableRuns(c, "FR")).isEmpty();
                assertThat(usableRuns(c, "DE")).isEmpty();
            }
        } finally {
            db.drop();
        }
    }

    private static List<NumberRun> usableRuns(Connection c, String country) throws SQLException {
        try (var p = JpaSql.prepared(c, CliAllocator.SPANS_AND_RESTS, country, NOW)) {
            try (var r = p.executeQuery()) {
                var rows = new ArrayList<Object[]>();
                while (r.next()) {
                    rows.add(new Object[] {r.getInt(1), r.getLong(2), r.getLong(3)});
                }
                return CliAllocator.usableRuns(rows);
            }
        }
    }

    private static void span(Connection c, long first, long last, String country) throws SQLException {
        try (var p = c.prepareStatement(
                "insert into full_block_span (first_number, last_number, country) values (?, ?, ?)")) {
            p.setLong(1, first);
            p.setLong(2, last);
            p.setString(3, country);
            p.executeUpdate();
        }
    }

    private static void rest(Connection c, long first, String country, OffsetDateTime until) throws SQLException {
        try (var p = c.prepareStatement("insert into rested_block (first_number, last_number, country, pool_id,"
                + " reason, rested_at, rested_until) values (?, ?, ?, 'pl_1', 'cap', ?, ?)")) {
            p.setLong(1, first);
            p.setLong(2, first + 9_999);
            p.setString(3, country);
            p.setObject(4, NOW.minusHours(1));
            p.setObject(5, until);
            p.executeUpdate();
        }
    }
}
