package dev.ringproof.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.platform.control.JpaSql;
import dev.ringproof.platform.control.Migrations;
import dev.ringproof.platform.control.TestDatabase;
import dev.ringproof.ratelimit.control.PrefixTraffic.Periods;
import dev.ringproof.ratelimit.control.PrefixTraffic.Stats;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The watches' sums of a prefix's minutes, on the migrated schema, H2 and PostgreSQL: the closed
 * minutes' sums (kept a minute) and the open minutes' add up to the sums of all its rows, at every
 * second of a minute, and each read names the prefix's oldest row.
 */
@Tag(TestDatabase.TAG)
class PrefixTrafficQueriesTest {

    private static final OffsetDateTime MINUTE = OffsetDateTime.parse("2026-11-30T12:00:00Z");
    private static final VelocityWatch VELOCITY =
            new VelocityWatch(Duration.ofMinutes(10), Duration.ofHours(24), 200, 10);
    private static final ConversionWatch CONVERSION =
            new ConversionWatch(Duration.ofHours(24), Duration.ofMinutes(10), 100, 0.05);

    record Row(OffsetDateTime bucket, int starts, int approvals) {}

    static Stream<TestDatabase> databases() {
        return TestDatabase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void closedAndOpenMinutesAddUpToEveryRowInEachPeriodThroughoutTheMinute(TestDatabase db) throws SQLException {
        try {
            Migrations.on(db.dataSource()).migrate();
            var random = new Random(30);
            List<Row> rows = new ArrayList<>();
            // every minute of the last 25 hours but a few, and the current one
            for (int m = 0; m <= 25 * 60; m++) {
                if (m == 1 || random.nextInt(10) > 0) {
                    rows.add(new Row(MINUTE.minusMinutes(m), random.nextInt(50), random.nextInt(5)));
                }
            }
            try (var c = db.dataSource().getConnection()) {
                for (var row : rows) {
                    insert(c, "+44740", row);
                }
                insert(c, "+44741", new Row(MINUTE.minusDays(2), 1000, 1000)); // another prefix
                var oldest = rows.get(rows.size() - 1).bucket().toInstant();

                // read once at the minute's first instant and kept, as ClosedMinutes keeps it
                var first = Periods.of(MINUTE, VELOCITY, CONVERSION);
                var closedUntil = MINUTE.minus(PrefixTraffic.OPEN_MINUTES);
                var closed = sums(c, first, first.from(), closedUntil);
                assertThat(closed.oldest()).isEqualTo(oldest);
                // then another server writes the last minute's counts, some milliseconds after it ended
                try (var late = c.prepareStatement(
                        "update prefix_traffic set starts = starts + 7 where prefix = '+44740' and bucket_start = ?")) {
                    late.setObject(1, MINUTE.minusMinutes(1));
                    assertThat(late.executeUpdate()).isEqualTo(1);
                }
                rows.replaceAll(r -> r.bucket().isEqual(MINUTE.minusMinutes(1))
                        ? new Row(r.bucket(), r.starts() + 7, r.approvals())
                        : r);
                for (int second : new int[] {0, 1, 30, 59}) {
                    var now = MINUTE.plusSeconds(second).plusNanos(second == 59 ? 999_000_000 : 0);
                    var periods = Periods.of(now, VELOCITY, CONVERSION);
                    assertThat(periods.wholeMinutes()).isTrue();
                    var open = openSums(c, periods, MINUTE);
                    assertThat(closed.stats().plus(open.stats()))
                            .as("at %s", now)
                            .isEqualTo(expected(rows, periods))
                            .isEqualTo(sums(c, periods, periods.from(), now.plusDays(1))
                                    .stats());
                    assertThat(open.oldest()).isEqualTo(oldest);
                    assertThat(expected(rows, periods).baselineStarts())
                            .as("the test reads a full day")
                            .isGreaterThan(10_000);
                }
            }
        } finally {
            db.drop();
        }
    }

    @Test
    void periodsThatAreNotWholeMinutesAreNotKept() {
        var ninetySeconds = new VelocityWatch(Duration.ofSeconds(90), Duration.ofHours(24), 200, 10);
        assertThat(Periods.of(MINUTE, ninetySeconds, CONVERSION).wholeMinutes()).isFalse();
        assertThat(Periods.of(MINUTE, VELOCITY, new ConversionWatch(Duration.ofHours(24), Duration.ZERO, 100, 0.05))
                        .wholeMinutes())
                .isTrue();
    }

    /** Each period summed in Java, over the rows as inserted. */
    private static Stats expected(List<Row> rows, Periods p) {
        long recent = 0, baseline = 0, settled = 0, approvals = 0;
        for (var row : rows) {
            var b = row.bucket();
            if (b.isAfter(p.recentFrom())) {
                recent += row.starts();
            }
            if (b.isAfter(p.baselineFrom()) && !b.isAfter(p.recentFrom())) {
                baseline += row.starts();
            }
            if (b.isAfter(p.settledFrom()) && !b.isAfter(p.settledTo())) {
                settled += row.starts();
                approvals += row.approvals();
            }
        }
        return new Stats(recent, baseline, settled, approvals);
    }

    /** The sums of the minute and the one before it. */
    private static ClosedMinutes.Sums openSums(Connection c, Periods p, OffsetDateTime minute) throws SQLException {
        return read(c, PrefixTraffic.OPEN_SUMS, p, minute.minusMinutes(1), minute);
    }

    private static ClosedMinutes.Sums sums(Connection c, Periods p, OffsetDateTime after, OffsetDateTime until)
            throws SQLException {
        return read(c, PrefixTraffic.SUMS, p, after, until);
    }

    private static ClosedMinutes.Sums read(
            Connection c, String sql, Periods p, OffsetDateTime after, OffsetDateTime until) throws SQLException {
        try (var s = JpaSql.prepared(
                c,
                sql,
                p.recentFrom(),
                p.baselineFrom(),
                p.settledFrom(),
                p.settledTo(),
                "+44740",
                false,
                after,
                until)) {
            try (var r = s.executeQuery()) {
                r.next();
                Instant oldest = PrefixTraffic.instant(r.getObject(5));
                return new ClosedMinutes.Sums(
                        new Stats(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)), oldest);
            }
        }
    }

    private static void insert(Connection c, String prefix, Row row) throws SQLException {
        try (var p = c.prepareStatement(
                "insert into prefix_traffic (prefix, test, bucket_start, starts, approvals) values (?, false, ?, ?, ?)")) {
            p.setString(1, prefix);
            p.setObject(2, row.bucket());
            p.setInt(3, row.starts());
            p.setInt(4, row.approvals());
            p.executeUpdate();
        }
    }
}
