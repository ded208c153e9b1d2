package dev.ringproof.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The sweep's claim on the migrated schema, H2 and PostgreSQL, with two connections standing for
 * two servers of a cluster sweeping at once: each takes rows the other does not hold, none is
 * taken twice while both live, and the rows of a server that died after its claim are taken by
 * the other once they are left behind.
 */
@Tag(TestDatabase.TAG)
class OutboxClaimTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 29, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime AHEAD = NOW.plusSeconds(30);
    private static final OffsetDateTime BEFORE = NOW.minusSeconds(20);

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoServersSweepingAtOnceTakeDisjointRows(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var seed = db.dataSource().getConnection();
                    var a = db.dataSource().getConnection();
                    var b = db.dataSource().getConnection()) {
                for (int i = 0; i < 6; i++) {
                    row(seed, "ob_due" + i, NOW.plusSeconds(i), null);
                }
                row(seed, "ob_later", NOW.plusMinutes(5), null); // a timer minutes away: nobody's yet
                row(seed, "ob_inflight", NOW.minusSeconds(5), NOW.minusSeconds(10)); // relayed, not left behind
                a.setAutoCommit(false);
                b.setAutoCommit(false);

                var first = claim(a, 4);
                if (!sharedByServers(db)) {
                    // H2 locks every row its query matches, not only those within the limit, so a second
                    // claim meanwhile finds nothing; H2 is embedded in one server, whose sweeps take
                    // turns, so there the second claim comes after the first
                    mark(a, first);
                    a.commit();
                }
                var second = claim(b, 4); // on PostgreSQL: while a holds its rows
                assertThat(first).hasSize(4);
                assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
                var all = new ArrayList<>(first);
                all.addAll(second);
                assertThat(all)
                        .containsExactlyInAnyOrder("ob_due0", "ob_due1", "ob_due2", "ob_due3", "ob_due4", "ob_due5");

                if (sharedByServers(db)) {
                    mark(a, first);
                    a.commit();
                }
                mark(b, second);
                b.commit();
                assertThat(claim(a, 10))
                        .as("claimed rows are relayed, not left behind yet")
                        .isEmpty();
                a.commit();
            }
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theRowsOfAServerThatDiedAfterItsClaimGoToTheSurvivorOnceLeftBehind(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                // claimed by a server 25 s ago, due 21 s ago; its broker died with it
                row(c, "ob_dead", NOW.minusSeconds(21), NOW.minusSeconds(25));
                row(c, "ob_recent", NOW.minusSeconds(21), NOW.minusSeconds(3)); // relayed lately: its consumer has time
                c.setAutoCommit(false);
                assertThat(claim(c, 10)).containsExactly("ob_dead");
                c.rollback();
            }
        } finally {
            db.drop();
        }
    }

    /**
     * A sweep among many timers kept back for later and many rows consumed meanwhile takes the
     * earliest due first, and on PostgreSQL reads each claim off the index in order, without a
     * sort or a bitmap scan: one that did visited every row consumed since the last vacuum, on
     * every sweep, and never marked their index entries dead.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSweepReadsTheEarliestDueOffTheIndexAmongManyTimersAndConsumedRows(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                for (int i = 0; i < 3000; i++) {
                    row(c, "ob_timer" + i, NOW.plusMinutes(5 + i % 600), null);
                    row(c, "ob_gone" + i, NOW.minusSeconds(i % 60), i % 2 == 0 ? null : NOW.minusSeconds(60));
                }
                for (int i = 0; i < 5; i++) {
                    row(c, "ob_due" + i, NOW.plusSeconds(25 - i), null);
                }
                try (var s = c.createStatement()) {
                    s.executeUpdate("delete from outbox_message where id like 'ob_gone%'");
                }
                c.commit();
                if (sharedByServers(db)) {
                    try (var s = c.createStatement()) {
                        s.execute("analyze outbox_message");
                    }
                    for (var claim : List.of(OutboxRows.CLAIM_KEPT, OutboxRows.CLAIM_LEFT_BEHIND)) {
                        String plan = JpaSql.plan(c, claim, NOW, 500);
                        assertThat(plan)
                                .as(claim)
                                .contains("Index Scan using outbox_message_relayed")
                                .doesNotContain("Sort")
                                .doesNotContain("Bitmap");
                    }
                }
                assertThat(claim(c, 3)).containsExactly("ob_due4", "ob_due3", "ob_due2");
                c.rollback();
            }
        } finally {
            db.drop();
        }
    }

    /** The database a cluster's servers share: PostgreSQL. H2 is a file inside one server's domain. */
    private static boolean sharedByServers(TestDatabase db) {
        return db.toString().equals("PostgreSQL");
    }

    /** Claims as the server does: the rows kept back first, then those left behind, up to the limit in all. */
    private static List<String> claim(Connection c, int limit) throws SQLException {
        var ids = ids(c, OutboxRows.CLAIM_KEPT, AHEAD, limit);
        if (ids.size() < limit) {
            ids.addAll(ids(c, OutboxRows.CLAIM_LEFT_BEHIND, BEFORE, limit - ids.size()));
        }
        return ids;
    }

    private static List<String> ids(Connection c, String claim, OffsetDateTime bound, int limit) throws SQLException {
        try (var p = JpaSql.prepared(c, claim, bound, limit)) {
            List<String> ids = new ArrayList<>();
            try (var rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static void mark(Connection c, List<String> ids) throws SQLException {
        try (var p = c.prepareStatement("update outbox_message set relayed_at = ? where id = ?")) {
            for (var id : ids) {
                p.setObject(1, NOW);
                p.setString(2, id);
                p.executeUpdate();
            }
        }
    }

    private static void row(Connection c, String id, OffsetDateTime deliverAt, OffsetDateTime relayedAt)
            throws SQLException {
        try (var p = c.prepareStatement("insert into outbox_message (id, queue, payload, deliver_at, created_at,"
                + " relayed_at) values (?, 'ringproof.outbound', '{}', ?, ?, ?)")) {
            p.setString(1, id);
            p.setObject(2, deliverAt);
            p.setObject(3, NOW.minusMinutes(1));
            p.setObject(4, relayedAt);
            p.executeUpdate();
        }
    }
}
