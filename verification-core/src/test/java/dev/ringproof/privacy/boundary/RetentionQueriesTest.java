package dev.ringproof.privacy.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.platform.control.JpaSql;
import dev.ringproof.platform.control.Migrations;
import dev.ringproof.platform.control.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retention job's queries on the migrated schema, H2 and PostgreSQL: each finds what is past
 * its time and nothing younger or still pending, and the lease goes to one claimer per run.
 */
@Tag(TestDatabase.TAG)
class RetentionQueriesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 29, 12, 0, 0, 0, ZoneOffset.UTC);

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachStepFindsWhatIsPastItsTimeOnly(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                seed(c);
                var cutoff = NOW.minusDays(1);

                assertThat(ids(c, RetentionBatches.ENDED_PHONES, cutoff, mark(c, RetentionBatches.PHONES)))
                        .containsExactly("vf_old");
                assertThat(ids(c, RetentionBatches.ENDED_AFTER_MARK, cutoff, mark(c, RetentionBatches.CODES)))
                        .containsExactly("vf_old");
                assertThat(ids(c, RetentionBatches.OLD_SANDBOX, cutoff)).containsExactly("sm_old");
                assertThat(ids(c, RetentionBatches.SETTLED_EVENTS, cutoff, mark(c, RetentionBatches.PAYLOADS)))
                        .containsExactly("ev_old");
                assertThat(ids(c, RetentionBatches.OLD_KEYS, cutoff)).containsExactly("tn_1");
            }
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theCodesStepClearsTheCodesOfABatchOfEndedVerificationsInOneStatement(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                seed(c);
                verification(c, "vf_old2", "expired", NOW.minusDays(2).plusMinutes(1));
                attempt(c, "at_old2", "vf_old2");
                var cutoff = NOW.minusDays(1);
                var from = mark(c, RetentionBatches.CODES);

                assertThat(ids(c, RetentionBatches.ENDED_AFTER_MARK, cutoff, from))
                        .containsExactly("vf_old", "vf_old2");
                assertThat(update(c, RetentionBatches.CLEAR_CODES, from, NOW.minusDays(2)))
                        .isEqualTo(1);
                assertThat(update(
                                c,
                                RetentionBatches.CLEAR_CODES,
                                from,
                                NOW.minusDays(2).plusMinutes(1)))
                        .as("the first is cleared already")
                        .isEqualTo(1);
                assertThat(ids(c, "select id from verification_attempt where code_hash <> '' order by id"))
                        .containsExactly("at_new", "at_open");
            }
        } finally {
            db.drop();
        }
    }

    /**
     * With many verifications masked and cleared by earlier runs, and the marks where those runs
     * left them, each step finds the one verification ended since, and on PostgreSQL reads none of
     * the earlier ones: a walk from the first verification ever read them all on every run.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theStepsThatChangeVerificationsWalkOnFromTheirMarks(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                seed(c);
                c.setAutoCommit(false);
                var earlier = NOW.minusDays(60);
                try (var p = c.prepareStatement("insert into verification (id, tenant_id, test_mode, phone, country,"
                        + " locale, status, workflow, remaining_checks, created_at, expires_at, closed_at, version)"
                        + " values (?, 'tn_1', false, '+44*******56', 'GB', 'en', 'approved', 'sms', 5, ?, ?, ?, 0)")) {
                    for (int i = 0; i < 3000; i++) {
                        var ended = earlier.plusSeconds(i);
                        p.setString(1, "vf_done" + i);
                        p.setObject(2, ended);
                        p.setObject(3, ended);
                        p.setObject(4, ended);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                var lastRun = earlier.plusSeconds(2999);
                update(c, RetentionBatches.MOVE_MARK, RetentionBatches.PHONES, lastRun);
                update(c, RetentionBatches.MOVE_MARK, RetentionBatches.CODES, lastRun);
                c.commit();
                if (db.toString().equals("PostgreSQL")) {
                    try (var s = c.createStatement()) {
                        s.execute("analyze verification");
                    }
                }
                var cutoff = NOW.minusDays(1);

                for (var step : List.of(
                        new String[] {RetentionBatches.ENDED_PHONES, RetentionBatches.PHONES},
                        new String[] {RetentionBatches.ENDED_AFTER_MARK, RetentionBatches.CODES})) {
                    var from = mark(c, step[1]);
                    assertThat(ids(c, step[0], cutoff, from)).as(step[1]).containsExactly("vf_old");
                    if (db.toString().equals("PostgreSQL")) {
                        assertThat(rowsRead(c, step[0], cutoff, from))
                                .as(step[1] + ": rows read and left out")
                                .isLessThan(10);
                    }
                }
                c.rollback();
            }
        } finally {
            db.drop();
        }
    }

    /**
     * With many payloads emptied by earlier runs and the mark after them, the payloads step finds
     * the events settled since, reads none of the emptied ones on PostgreSQL, and empties a batch in
     * one statement; an event that still keeps its payload (pending, or tried since the cutoff)
     * holds the mark, and is found once it has settled.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theWebhookPayloadsStepWalksOnFromItsMarkAndStopsAtAnEventStillTried(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                seed(c);
                c.setAutoCommit(false);
                var earlier = NOW.minusDays(60);
                try (var p = c.prepareStatement("insert into webhook_event (id, tenant_id, type, payload, created_at,"
                        + " state, attempts) values (?, 'tn_1', 'verification.approved', '{}', ?, 'delivered', 1)")) {
                    for (int i = 0; i < 3000; i++) {
                        p.setString(1, "ev_done" + i);
                        p.setObject(2, earlier.plusSeconds(i));
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                update(c, RetentionBatches.MOVE_MARK, RetentionBatches.PAYLOADS, earlier.plusSeconds(2999));
                // made before ev_old and still retried: ev_pending (seed), and one settled but tried an hour ago
                event(c, "ev_retried", "failed", NOW.minusDays(3));
                insert(
                        c,
                        "insert into webhook_delivery (id, event_id, attempt, status_code, latency_ms, attempted_at)"
                                + " values ('wd_1', ?, 9, 500, 10, ?)",
                        "ev_retried",
                        NOW.minusHours(1));
                c.commit();
                if (db.toString().equals("PostgreSQL")) {
                    try (var s = c.createStatement()) {
                        s.execute("analyze webhook_event");
                    }
                }
                var cutoff = NOW.minusDays(1);
                var from = mark(c, RetentionBatches.PAYLOADS);

                assertThat(ids(c, RetentionBatches.SETTLED_EVENTS, cutoff, from))
                        .containsExactly("ev_old");
                if (db.toString().equals("PostgreSQL")) {
                    assertThat(rowsRead(c, RetentionBatches.SETTLED_EVENTS, cutoff, from))
                            .as("rows read and left out")
                            .isLessThan(10);
                }
                var until = NOW.minusDays(2);
                assertThat(update(c, RetentionBatches.CLEAR_PAYLOADS, cutoff, from, until))
                        .isEqualTo(1);
                assertThat(ids(c, "select id from webhook_event where payload <> '{}' order by id"))
                        .containsExactly("ev_new", "ev_pending", "ev_retried");
                assertThat(first(c, RetentionBatches.FIRST_KEPT, from, until))
                        .as("the mark stops at the first event still tried")
                        .isEqualTo(NOW.minusDays(3).toInstant());

                update(c, RetentionBatches.MOVE_MARK, RetentionBatches.PAYLOADS, NOW.minusDays(3));
                update(c, "update webhook_event set state = 'failed' where id = ?1", "ev_pending");
                assertThat(ids(c, RetentionBatches.SETTLED_EVENTS, cutoff, mark(c, RetentionBatches.PAYLOADS)))
                        .as("settled since")
                        .containsExactly("ev_pending");
                assertThat(ids(c, RetentionBatches.SETTLED_EVENTS, NOW, mark(c, RetentionBatches.PAYLOADS)))
                        .as("its last try an hour ago, before a later cutoff")
                        .containsExactly("ev_retried", "ev_pending", "ev_new");
                c.rollback();
            }
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theCountersStepsDeleteOlderRowsABatchAStatement(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                for (var minute :
                        new OffsetDateTime[] {NOW.minusDays(8), NOW.minusDays(8).plusMinutes(1), NOW}) {
                    for (boolean test : new boolean[] {false, true}) {
                        try (var p = c.prepareStatement("insert into prefix_traffic (prefix, test, bucket_start,"
                                + " starts, approvals) values ('+44740', ?, ?, 1, 0)")) {
                            p.setBoolean(1, test);
                            p.setObject(2, minute);
                            p.executeUpdate();
                        }
                    }
                }
                var today = NOW.toLocalDate();
                for (var day : new LocalDate[] {today.minusDays(91), today.minusDays(90), today}) {
                    for (String cli : new String[] {"GB:447700900001", "GB:447700900002"}) {
                        try (var p = c.prepareStatement(
                                "insert into cli_day (cli_key, on_day, pool_id, sealed,"
                                        + " placed, ringing, answered, failed, approved) values (?, ?, 'pl_1', 's', 1, 1, 0, 0, 0)")) {
                            p.setString(1, cli);
                            p.setObject(2, day);
                            p.executeUpdate();
                        }
                    }
                    try (var p = c.prepareStatement(
                            "insert into pool_day (pool_id, on_day, placed, approved) values ('pl_1', ?, 2, 0)")) {
                        p.setObject(1, day);
                        p.executeUpdate();
                    }
                }
                var week = NOW.minusDays(7);
                try (var p = c.prepareStatement("insert into prefix_traffic (prefix, test, bucket_start,"
                        + " starts, approvals) values ('+33612', false, ?, 1, 0)")) {
                    p.setObject(1, NOW.minusDays(9));
                    p.executeUpdate();
                }

                // the walk through the prefixes, in key order
                var walked = new ArrayList<String>();
                Object[] after = {"", false};
                for (List<Object[]> next; !(next = rows(c, RetentionBatches.NEXT_PREFIX, after)).isEmpty(); ) {
                    after = next.get(0);
                    walked.add(after[0] + " " + after[1]);
                }
                assertThat(walked).containsExactly("+33612 false", "+44740 false", "+44740 true");

                assertThat(update(c, RetentionBatches.oldMinutesOfPrefix(1), "+44740", false, week))
                        .isEqualTo(1);
                assertThat(update(c, RetentionBatches.oldMinutesOfPrefix(3), "+44740", false, week))
                        .isEqualTo(1);
                assertThat(update(c, RetentionBatches.oldMinutesOfPrefix(3), "+44740", false, week))
                        .isZero();
                assertThat(ids(c, "select prefix from prefix_traffic where test = false order by prefix"))
                        .containsExactly("+33612", "+44740");
                assertThat(ids(c, "select prefix from prefix_traffic where test = true"))
                        .hasSize(3);

                var cutoff = today.minusDays(90);
                assertThat(update(c, RetentionBatches.oldNumberDays(1), cutoff)).isEqualTo(1);
                assertThat(update(c, RetentionBatches.oldNumberDays(500), cutoff))
                        .isEqualTo(1);
                assertThat(update(c, RetentionBatches.oldPoolDays(500), cutoff)).isEqualTo(1);
                assertThat(ids(c, "select cast(on_day as varchar(10)) from cli_day order by on_day, cli_key"))
                        .containsExactly(cutoff.toString(), cutoff.toString(), today.toString(), today.toString());
                assertThat(ids(c, "select cast(on_day as varchar(10)) from pool_day order by on_day"))
                        .containsExactly(cutoff.toString(), today.toString());
            }
        } finally {
            db.drop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oneServerClaimsEachRun(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            try (var c = db.dataSource().getConnection()) {
                var next = NOW.plusMinutes(10);
                assertThat(update(c, RetentionBatches.CLAIM, "server-a", next, NOW))
                        .isEqualTo(1);
                assertThat(update(c, RetentionBatches.CLAIM, "server-b", next, NOW))
                        .isZero();
                assertThat(update(c, RetentionBatches.CLAIM, "server-b", next.plusMinutes(10), next))
                        .isEqualTo(1);
                // the interval was shortened: a lease further out than the new one is taken at once
                assertThat(update(c, RetentionBatches.CLAIM, "server-a", next.plusMinutes(1), next.minusMinutes(5)))
                        .isEqualTo(1);
            }
        } finally {
            db.drop();
        }
    }

    private static void seed(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("insert into tenant (id, name, status, workflow, fallback_missed_call, fallback_sms,"
                    + " fallback_voice, code_length, otp_length, max_checks, ttl_seconds, allowed_countries, created_at, version)"
                    + " values ('tn_1', 'T', 'active', 'sms', 30, 30, 30, 4, 6, 5, 600, '', current_timestamp, 0)");
        }
        verification(c, "vf_old", "approved", NOW.minusDays(2));
        verification(c, "vf_new", "approved", NOW.minusHours(1));
        verification(c, "vf_open", "pending", null);
        attempt(c, "at_old", "vf_old");
        attempt(c, "at_new", "vf_new");
        attempt(c, "at_open", "vf_open");
        insert(
                c,
                "insert into sandbox_message (id, phone, type, sender, text, received_at) values (?, '+447400123456',"
                        + " 'sms', 'R', 'code 123456', ?)",
                "sm_old",
                NOW.minusDays(2));
        insert(
                c,
                "insert into sandbox_message (id, phone, type, sender, text, received_at) values (?, '+447400123456',"
                        + " 'sms', 'R', 'code 123456', ?)",
                "sm_new",
                NOW.minusHours(1));
        event(c, "ev_old", "delivered", NOW.minusDays(2));
        event(c, "ev_pending", "pending", NOW.minusDays(2));
        event(c, "ev_new", "failed", NOW.minusHours(1));
        insert(
                c,
                "insert into idempotency_record (tenant_id, test, idem_key, request_hash, state, created_at)"
                        + " values ('tn_1', false, ?, 'h', 'done', ?)",
                "k-old",
                NOW.minusDays(2));
        try (var p = c.prepareStatement("insert into idempotency_record (tenant_id, test, idem_key, request_hash,"
                + " state, created_at) values ('tn_2', false, 'k-new', 'h', 'done', ?)")) {
            p.setObject(1, NOW.minusHours(1));
            p.executeUpdate();
        }
    }

    private static Object mark(Connection c, String step) throws SQLException {
        try (var p = JpaSql.prepared(c, RetentionBatches.MARK, step);
                var rows = p.executeQuery()) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class);
        }
    }

    /** The one value of a query, as an instant. */
    private static Instant first(Connection c, String jpaSql, Object... parameters) throws SQLException {
        try (var p = JpaSql.prepared(c, jpaSql, parameters);
                var rows = p.executeQuery()) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    /** The rows a query's plan read and left out by its filter, run with EXPLAIN ANALYZE on PostgreSQL. */
    private static long rowsRead(Connection c, String jpaSql, Object... parameters) throws SQLException {
        long removed = 0;
        try (var p = JpaSql.prepared(c, "explain (analyze) " + jpaSql, parameters);
                var rows = p.executeQuery()) {
            while (rows.next()) {
                var line = rows.getString(1);
                int at = line.indexOf("Rows Removed by Filter: ");
                if (at >= 0) {
                    removed += Long.parseLong(line.substring(at + "Rows Removed by Filter: ".length())
                            .trim());
                }
            }
        }
        return removed;
    }

    private static void verification(Connection c, String id, String status, OffsetDateTime closed)
            throws SQLException {
        try (var p = c.prepareStatement("insert into verification (id, tenant_id, test_mode, phone, country, locale,"
                + " status, workflow, remaining_checks, created_at, expires_at, closed_at, version)"
                + " values (?, 'tn_1', false, '+447400123456', 'GB', 'en', ?, 'sms', 5, ?, ?, ?, 0)")) {
            p.setString(1, id);
            p.setString(2, status);
            p.setObject(3, NOW.minusDays(3));
            p.setObject(4, NOW.minusDays(3).plusMinutes(10));
            p.setObject(5, closed);
            p.executeUpdate();
        }
    }

    private static void attempt(Connection c, String id, String verification) throws SQLException {
        try (var p = c.prepareStatement("insert into verification_attempt (id, verification_id, seq, channel, status,"
                + " started_at, code_length, code_hash) values (?, ?, 1, 'sms', 'sent', ?, 6, 'hash')")) {
            p.setString(1, id);
            p.setString(2, verification);
            p.setObject(3, NOW.minusDays(3));
            p.executeUpdate();
        }
    }

    private static void event(Connection c, String id, String state, OffsetDateTime at) throws SQLException {
        try (var p = c.prepareStatement("insert into webhook_event (id, tenant_id, type, payload, created_at, state,"
                + " attempts) values (?, 'tn_1', 'verification.approved', '{\"phone\":\"+447400123456\"}', ?, ?, 1)")) {
            p.setString(1, id);
            p.setObject(2, at);
            p.setString(3, state);
            p.executeUpdate();
        }
    }

    private static void insert(Connection c, String sql, String id, OffsetDateTime at) throws SQLException {
        try (var p = c.prepareStatement(sql)) {
            p.setString(1, id);
            p.setObject(2, at);
            p.executeUpdate();
        }
    }

    /** The first column of a retention query, its {@code ?n} parameters bound as JPA binds them. */
    private static List<String> ids(Connection c, String jpaSql, Object... parameters) throws SQLException {
        try (var p = JpaSql.prepared(c, jpaSql, parameters);
                var rows = p.executeQuery()) {
            var ids = new ArrayList<String>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    /** The rows of a query (two columns: a string, a boolean), its {@code ?n} parameters bound as JPA binds them. */
    private static List<Object[]> rows(Connection c, String jpaSql, Object... parameters) throws SQLException {
        try (var p = JpaSql.prepared(c, jpaSql, parameters)) {
            try (var found = p.executeQuery()) {
                var rows = new ArrayList<Object[]>();
                while (found.next()) {
                    rows.add(new Object[] {found.getString(1), found.getBoolean(2)});
                }
                return rows;
            }
        }
    }

    private static int update(Connection c, String jpaSql, Object... parameters) throws SQLException {
        try (var p = JpaSql.prepared(c, jpaSql, parameters)) {
            return p.executeUpdate();
        }
    }
}
