package dev.ringproof.api.admin;

import dev.ringproof.numberpool.entity.CliCounts;
import dev.ringproof.numberpool.entity.HealthRules;
import dev.ringproof.numberpool.entity.PoolHealthView;
import java.util.List;

/** The JSON of a pool's health ({@code GET /api/admin/v1/pools/{id}/health}), rates as whole percents. */
public final class PoolHealthJson {

    private PoolHealthJson() {}

    public record Counts(long placed, long ringing, long answered, long failed, long approved) {
        static Counts of(CliCounts c) {
            return new Counts(c.placed(), c.ringing(), c.answered(), c.failed(), c.approved());
        }
    }

    public record Rules(
            int maxCallsPerHour,
            int maxAnsweredPercent,
            int maxFailedPercent,
            int minApprovalSharePercent,
            int minCalls,
            int restHours) {

        static Rules of(HealthRules r) {
            return new Rules(
                    r.maxCallsPerHour(),
                    percent(r.maxAnswerRate()),
                    percent(r.maxFailureRate()),
                    percent(r.minApprovalShare()),
                    r.minCalls(),
                    r.restHours());
        }

        private static int percent(double rate) {
            return (int) Math.round(rate * 100);
        }
    }

    public record Rested(String from, String to, String reason, String restedAt, String restedUntil) {}

    public record NumberHealth(String number, Counts counts) {}

    public record Day(String day, Counts counts) {}

    public record HealthResponse(
            String poolId,
            String country,
            boolean enabled,
            Rules rules,
            long size,
            long usableNumbers,
            int codeDigits,
            long restedNumbers,
            long numbersInUseToday,
            List<Rested> rested,
            List<NumberHealth> topAnswered,
            List<NumberHealth> topFailed,
            List<Day> days) {

        static HealthResponse of(PoolHealthView v) {
            return new HealthResponse(
                    v.pool().id(),
                    v.pool().country(),
                    v.pool().isEnabled(),
                    Rules.of(v.rules()),
                    v.size(),
                    v.usable().usableNumbers(),
                    v.usable().codeDigits(),
                    v.restedSize(),
                    v.inUse(),
                    v.rested().stream()
                            .map(b -> new Rested(
                                    "+" + b.block().first(),
                                    "+" + b.block().last(),
                                    b.reason().wireName(),
                                    b.restedAt().toInstant().toString(),
                                    b.restedUntil() == null
                                            ? null
                                            : b.restedUntil().toInstant().toString()))
                            .toList(),
                    numbers(v.topAnswered()),
                    numbers(v.topFailed()),
                    v.days().stream()
                            .map(d -> new Day(d.day().toString(), Counts.of(d.counts())))
                            .toList());
        }

        private static List<NumberHealth> numbers(List<PoolHealthView.NumberCounts> counts) {
            return counts.stream()
                    .map(n -> new NumberHealth(n.number(), Counts.of(n.counts())))
                    .toList();
        }
    }
}
