package dev.ringproof.verification.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.verification.control.TrafficSummary.AttemptRow;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficSummaryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-25T10:30:20Z");

    @Test
    void countsEachVerificationOnceUnderItsLastChannelAndMinute() {
        var summary = TrafficSummary.of(
                List.of(
                        row("vf_1", "10:30:05", "approved", 1, "missed_call", "sent"),
                        row("vf_2", "10:29:59", "approved", 1, "missed_call", "superseded"),
                        row("vf_2", "10:29:59", "approved", 2, "sms", "sent"),
                        row("vf_3", "09:31:00", "pending", 1, "missed_call", "sent")),
                NOW);

        var minutes = summary.minutes();
        assertThat(minutes).hasSize(60);
        assertThat(minutes.get(0).start()).isEqualTo(OffsetDateTime.parse("2026-11-25T09:31:00Z"));
        assertThat(minutes.get(59).byChannel()).containsEntry("missed_call", 1).containsEntry("sms", 0);
        assertThat(minutes.get(58).byChannel()).containsEntry("sms", 1).containsEntry("missed_call", 0);
        assertThat(minutes.get(58).byStatus()).containsEntry("approved", 1);
        assertThat(minutes.get(0).byStatus()).containsEntry("pending", 1);
        assertThat(summary.verifications()).isEqualTo(3);
        assertThat(summary.fallbackRate()).isEqualTo(1.0 / 3);
        assertThat(summary.channelByStatus().get("missed_call"))
                .containsEntry("approved", 1)
                .containsEntry("pending", 1);
    }

    @Test
    void conversionCountsClosedVerificationsThatReachedTheChannel() {
        var summary = TrafficSummary.of(
                List.of(
                        row("vf_1", "10:00:00", "approved", 1, "missed_call", "sent"),
                        row("vf_2", "10:00:00", "approved", 1, "missed_call", "superseded"),
                        row("vf_2", "10:00:00", "approved", 2, "sms", "sent"),
                        row("vf_3", "10:00:00", "expired", 1, "missed_call", "superseded"),
                        row("vf_3", "10:00:00", "expired", 2, "sms", "sent"),
                        row("vf_4", "10:00:00", "pending", 1, "missed_call", "sent")),
                NOW);

        assertThat(summary.conversions())
                .containsExactly(
                        new TrafficSummary.Conversion("missed_call", 3, 1),
                        new TrafficSummary.Conversion("sms", 2, 1),
                        new TrafficSummary.Conversion("voice", 0, 0));
        assertThat(summary.conversions().get(1).rate()).isEqualTo(0.5);
    }

    @Test
    void healthLooksAtTheLastFifteenMinutesOfSends() {
        var summary = TrafficSummary.of(
                List.of(
                        row("vf_1", "10:29:00", "failed", 1, "sms", "failed"),
                        row("vf_2", "10:29:00", "approved", 1, "sms", "sent"),
                        row("vf_3", "10:10:00", "failed", 1, "voice", "failed"),
                        row("vf_4", "10:29:00", "pending", 1, "missed_call", "queued")),
                NOW);

        assertThat(summary.health())
                .extracting(TrafficSummary.Health::state)
                .containsExactly("degraded", "failing", "idle");
        assertThat(new TrafficSummary.Health("sms", 100, 1, 0).state()).isEqualTo("ok");
        assertThat(new TrafficSummary.Health("sms", 100, 5, 0).state()).isEqualTo("degraded");
    }

    @Test
    void anEmptyHourHasZerosNotGaps() {
        var summary = TrafficSummary.of(List.of(), NOW);

        assertThat(summary.minutes())
                .hasSize(60)
                .allSatisfy(m -> assertThat(m.byStatus().values()).containsOnly(0));
        assertThat(summary.fallbackRate()).isZero();
    }

    private static AttemptRow row(
            String id, String time, String status, int seq, String channel, String attemptStatus) {
        var at = OffsetDateTime.parse("2026-11-25T" + time + "Z");
        return new AttemptRow(id, at, status, seq, channel, attemptStatus, at.plusSeconds(seq - 1L));
    }
}
