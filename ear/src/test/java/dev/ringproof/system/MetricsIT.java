package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The product's own figures in /metrics (Prometheus text): what a few verifications do moves
 * the counters by exactly that much. The suite deploys the EAR once, so other classes' traffic is
 * counted already: the test reads before and after and compares the differences.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void verificationsSendsAndRefusalsAreCountedExactly() {
        ringproof.londonPool();
        var tenant = ringproof.tenant("Metrics");
        awayFromAnHoursEdge();
        var before = scrape();

        // one missed call approved
        String approvedPhone = Ringproof.mobile();
        String approved = Http.json(Ringproof.start(tenant, approvedPhone)).getString("id");
        String cli = lastCall(approvedPhone);
        assertThat(Http.json(Ringproof.check(tenant, approved, cli.substring(cli.length() - 4)))
                        .getString("status"))
                .isEqualTo("approved");

        // one that falls back to SMS, then fails on wrong codes
        String failedPhone = Ringproof.mobile();
        String failed = Http.json(Ringproof.start(tenant, failedPhone)).getString("id");
        String right = lastCall(failedPhone).substring(9);
        assertThat(Http.json(tenant.api().postJson("api/v1/verifications/" + failed + "/next", "{}"))
                        .getString("channel"))
                .isEqualTo("sms");
        ringproof.inboxWhen(failedPhone, inbox -> inbox.size() >= 2);
        String wrong = right.equals("0000") ? "1111" : "0000";
        String status = "pending";
        for (int i = 0; i < 5; i++) {
            status = Http.json(Ringproof.check(tenant, failed, wrong)).getString("status");
        }
        assertThat(status).isEqualTo("failed");

        // five starts to one number (each supersedes the one before), the sixth refused by the default limit
        String limitedPhone = Ringproof.mobile();
        String last = null;
        for (int i = 0; i < 5; i++) {
            var started = Ringproof.start(tenant, limitedPhone);
            assertThat(started.statusCode()).isEqualTo(201);
            last = Http.json(started).getString("id");
        }
        assertThat(Ringproof.start(tenant, limitedPhone).statusCode()).isEqualTo(429);
        // canceled, so that no fallback of its own comes into the figures
        assertThat(Http.json(tenant.api().postJson("api/v1/verifications/" + last + "/cancel", "{}"))
                        .getString("status"))
                .isEqualTo("canceled");

        var gb = Map.of("country", "GB");
        var after = Eventually.until(
                "the sends counted",
                Duration.ofSeconds(30),
                MetricsIT::scrape,
                now -> delta(before, now, "ringproof_sends", Map.of("provider", "sandbox", "channel", "missed_call"))
                                >= 7
                        && delta(before, now, "ringproof_sends", Map.of("provider", "sandbox", "channel", "sms")) >= 1);

        assertThat(delta(before, after, "ringproof_verifications_started", with(gb, "channel", "missed_call")))
                .isEqualTo(7);
        assertThat(delta(before, after, "ringproof_verifications_ended", with(gb, "outcome", "approved")))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "ringproof_verifications_ended",
                        Map.of("outcome", "failed", "channel", "sms", "country", "GB")))
                .isEqualTo(1);
        assertThat(delta(before, after, "ringproof_verifications_ended", with(gb, "outcome", "canceled")))
                .isEqualTo(5);
        assertThat(delta(before, after, "ringproof_verifications_fallbacks", with(gb, "channel", "sms")))
                .as("timers and sends run in their own time: other classes' fallbacks may land meanwhile")
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "ringproof_refusals", Map.of("action", "start", "reason", "rate_limit")))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "ringproof_sends",
                        Map.of("provider", "sandbox", "channel", "missed_call", "outcome", "accepted")))
                .isGreaterThanOrEqualTo(7);
        assertThat(delta(
                        before,
                        after,
                        "ringproof_sends",
                        Map.of("provider", "sandbox", "channel", "sms", "outcome", "accepted")))
                .isGreaterThanOrEqualTo(1);
        assertThat(sumOf(after, "ringproof_send_handoff", "_count", Map.of("provider", "sandbox")))
                .as("hand-off times recorded")
                .isGreaterThanOrEqualTo(8);
        assertThat(names(after))
                .anyMatch(name -> name.startsWith("ringproof_outbox_backlog"))
                .anyMatch(name -> name.startsWith("ringproof_outbox_oldest_age"));
        assertThat(after.stream().filter(s -> s.name().startsWith("ringproof_")))
                .as("no number or tenant in any tag")
                .allSatisfy(s ->
                        assertThat(s.labels().values()).noneMatch(v -> v.startsWith("+") || v.equals(tenant.id())));
    }

    private record Sample(String name, Map<String, String> labels, double value) {}

    private static List<Sample> scrape() {
        var answer = new Ringproof().anonymous.get("metrics");
        assertThat(answer.statusCode()).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return samples;
    }

    /** A counter's value summed over the samples with these labels (and any others); 0 when none. */
    private static double counter(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) || s.name().equals(name + "_total"))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value)
                .sum();
    }

    private static double sumOf(List<Sample> samples, String prefix, String suffix, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().startsWith(prefix) && s.name().endsWith(suffix))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value)
                .sum();
    }

    private static long delta(List<Sample> before, List<Sample> after, String name, Map<String, String> labels) {
        return Math.round(counter(after, name, labels) - counter(before, name, labels));
    }

    private static List<String> names(List<Sample> samples) {
        return samples.stream().map(Sample::name).distinct().toList();
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        var more = new LinkedHashMap<>(labels);
        more.put(key, value);
        return more;
    }

    private String lastCall(String phone) {
        var inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
        var call = inbox.getJsonObject(inbox.size() - 1);
        assertThat(call.getString("type")).isEqualTo("call");
        return call.getString("from");
    }

    /** The per-phone start limit counts in windows aligned to the hour: keep the six starts in one. */
    private static void awayFromAnHoursEdge() {
        long millisIntoHour = System.currentTimeMillis() % 3_600_000;
        if (millisIntoHour > 3_540_000) {
            Ringproof.sleep(Duration.ofMillis(3_600_000 - millisIntoHour + 100));
        }
    }
}
