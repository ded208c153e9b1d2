package dev.ringproof.numberpool.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * When a pool's caller numbers rest. Rates are counted over the current UTC day and judged
 * only once a number has placed {@code minCalls} calls that day, so one unlucky call rests nothing.
 *
 * @param maxCallsPerHour  calls one number may place in a UTC hour; a number at the cap is not drawn
 * @param maxAnswerRate    answered / placed above which the number rests (people answer or call it back)
 * @param maxFailureRate   failed / placed above which the number rests (refused on the route)
 * @param minApprovalShare the number rests when its approval rate falls below this share of the pool's
 * @param minCalls         calls placed that day before any rate is judged
 * @param restHours        how long an automatic rest lasts
 */
public record HealthRules(
        int maxCallsPerHour,
        double maxAnswerRate,
        double maxFailureRate,
        double minApprovalShare,
        int minCalls,
        int restHours) {

    public static final HealthRules DEFAULTS = new HealthRules(30, 0.2, 0.5, 0.25, 20, 24);

    /** Why a number rests. */
    public enum Reason {
        ANSWERED,
        FAILED,
        NO_APPROVALS,
        /** One of its numbers placed its pool's hourly cap of calls: the block rests until the hour ends. */
        HOURLY_CAP,
        ADMIN;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Reason of(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT));
        }
    }

    /** The rule a number's counts of the day break, if any; {@code poolApprovalRate} is the pool's that day. */
    public Optional<Reason> broken(CliCounts counts, double poolApprovalRate) {
        if (counts.placed() < minCalls) {
            return Optional.empty();
        }
        if (counts.answerRate() > maxAnswerRate) {
            return Optional.of(Reason.ANSWERED);
        }
        if (counts.failureRate() > maxFailureRate) {
            return Optional.of(Reason.FAILED);
        }
        if (poolApprovalRate > 0 && counts.approvalRate() < minApprovalShare * poolApprovalRate) {
            return Optional.of(Reason.NO_APPROVALS);
        }
        return Optional.empty();
    }
}
