package dev.ringproof.verification.control;

import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.verification.entity.VerificationStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last hour of traffic, summed from its verifications' attempts: what the console's
 * dashboard shows. A verification counts under the channel of its last attempt (where it
 * ended, or where it is now) and under its status.
 */
public final class TrafficSummary {

    public static final int MINUTES = 60;
    static final Duration HEALTH_WINDOW = Duration.ofMinutes(15);
    /** A send the carrier has not taken within this long is stuck, not just slow. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(30);

    /** One attempt of a verification created in the window, as the query reads it. */
    public record AttemptRow(
            String verificationId,
            OffsetDateTime createdAt,
            String status,
            int seq,
            String channel,
            String attemptStatus,
            OffsetDateTime startedAt) {}

    /** Verifications created in one minute, by final channel and by status. */
    public record Minute(OffsetDateTime start, Map<String, Integer> byChannel, Map<String, Integer> byStatus) {}

    /** Of the closed verifications that reached a channel, how many were approved on it. */
    public record Conversion(String channel, int reached, int approved) {

        public double rate() {
            return reached == 0 ? 0 : (double) approved / reached;
        }
    }

    /** How the carrier took this channel's sends in the last 15 minutes. */
    public record Health(String channel, int sends, int failed, int stuck) {

        public String state() {
            if (sends == 0) {
                return "idle";
            }
            if (failed * 4 >= sends) {
                return "failing";
            }
            return failed * 20 >= sends || stuck > 0 ? "degraded" : "ok";
        }
    }

    private final List<Minute> minutes = new ArrayList<>();
    private final Map<String, Map<String, Integer>> channelByStatus = new LinkedHashMap<>();
    private final List<Conversion> conversions = new ArrayList<>();
    private final List<Health> health = new ArrayList<>();
    private int verifications;
    private int fellBack;

    /** The first instant the summary for {@code now} looks at: the start of the minute 59 minutes ago. */
    public static OffsetDateTime since(OffsetDateTime now) {
        return now.truncatedTo(ChronoUnit.MINUTES).minusMinutes(MINUTES - 1L);
    }

    public static TrafficSummary of(List<AttemptRow> rows, OffsetDateTime now) {
        var summary = new TrafficSummary();
        Map<String, List<AttemptRow>> byVerification = new LinkedHashMap<>();
        rows.forEach(row -> byVerification
                .computeIfAbsent(row.verificationId(), id -> new ArrayList<>())
                .add(row));
        summary.sumMinutes(byVerification.values(), since(now));
        summary.sumConversions(byVerification.values());
        summary.sumHealth(rows, now);
        return summary;
    }

    private void sumMinutes(Iterable<List<AttemptRow>> verificationsAttempts, OffsetDateTime since) {
        for (int i = 0; i < MINUTES; i++) {
            minutes.add(new Minute(since.plusMinutes(i), zeros(channels()), zeros(statuses())));
        }
        channels().forEach(channel -> channelByStatus.put(channel, zeros(statuses())));
        for (List<AttemptRow> attempts : verificationsAttempts) {
            var last = attempts.stream()
                    .max((a, b) -> Integer.compare(a.seq(), b.seq()))
                    .orElseThrow();
            long index = ChronoUnit.MINUTES.between(since, last.createdAt());
            if (index >= 0 && index < MINUTES) {
                minutes.get((int) index).byChannel().merge(last.channel(), 1, Integer::sum);
                minutes.get((int) index).byStatus().merge(last.status(), 1, Integer::sum);
            }
            channelByStatus.get(last.channel()).merge(last.status(), 1, Integer::sum);
            verifications++;
            if (attempts.size() > 1) {
                fellBack++;
            }
        }
    }

    private void sumConversions(Iterable<List<AttemptRow>> verificationsAttempts) {
        for (String channel : channels()) {
            int reached = 0;
            int approved = 0;
            for (List<AttemptRow> attempts : verificationsAttempts) {
                var last = attempts.stream()
                        .max((a, b) -> Integer.compare(a.seq(), b.seq()))
                        .orElseThrow();
                boolean closed = !last.status().equals(VerificationStatus.PENDING.wireName());
                if (closed && attempts.stream().anyMatch(a -> a.channel().equals(channel))) {
                    reached++;
                    approved += last.channel().equals(channel)
                                    && last.status().equals(VerificationStatus.APPROVED.wireName())
                            ? 1
                            : 0;
                }
            }
            conversions.add(new Conversion(channel, reached, approved));
        }
    }

    private void sumHealth(List<AttemptRow> rows, OffsetDateTime now) {
        var from = now.minus(HEALTH_WINDOW);
        for (String channel : channels()) {
            var recent = rows.stream()
                    .filter(r -> r.channel().equals(channel) && !r.startedAt().isBefore(from))
                    .toList();
            int failed = (int) recent.stream()
                    .filter(r -> r.attemptStatus().equals("failed"))
                    .count();
            int stuck = (int) recent.stream()
                    .filter(r ->
                            r.attemptStatus().equals("queued") && r.startedAt().isBefore(now.minus(STUCK_AFTER)))
                    .count();
            health.add(new Health(channel, recent.size(), failed, stuck));
        }
    }

    public static List<String> channels() {
        return Arrays.stream(Channel.values()).map(Channel::wireName).toList();
    }

    public static List<String> statuses() {
        return Arrays.stream(VerificationStatus.values())
                .map(VerificationStatus::wireName)
                .toList();
    }

    private static Map<String, Integer> zeros(List<String> keys) {
        Map<String, Integer> map = new LinkedHashMap<>();
        keys.forEach(key -> map.put(key, 0));
        return map;
    }

    public List<Minute> minutes() {
        return List.copyOf(minutes);
    }

    /** Counts of the hour: channel -> status -> verifications. */
    public Map<String, Map<String, Integer>> channelByStatus() {
        return channelByStatus;
    }

    public List<Conversion> conversions() {
        return List.copyOf(conversions);
    }

    public List<Health> health() {
        return List.copyOf(health);
    }

    public int verifications() {
        return verifications;
    }

    /** The share of verifications that needed more than their first channel. */
    public double fallbackRate() {
        return verifications == 0 ? 0 : (double) fellBack / verifications;
    }
}
