package dev.ringproof.admin;

import dev.ringproof.verification.boundary.TrafficStats;
import dev.ringproof.verification.control.TrafficSummary;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** index.xhtml: the last hour of traffic, read once per request (the page polls every 5 s). */
@Named
@RequestScoped
public class DashboardBacking {

    private static final Map<String, String> COLOURS = Map.of(
            "missed_call",
            "#3b82f6",
            "sms",
            "#f59e0b",
            "voice",
            "#8b5cf6",
            "approved",
            "#22c55e",
            "pending",
            "#94a3b8",
            "failed",
            "#ef4444",
            "expired",
            "#f97316",
            "canceled",
            "#64748b");

    @EJB
    TrafficStats stats;

    private TrafficSummary summary;

    public TrafficSummary getSummary() {
        if (summary == null) {
            summary = stats.lastHour();
        }
        return summary;
    }

    public String getByChannelChart() {
        return TrafficCharts.stackedBars(getSummary().minutes(), TrafficSummary.Minute::byChannel, COLOURS);
    }

    public String getByOutcomeChart() {
        return TrafficCharts.stackedBars(getSummary().minutes(), TrafficSummary.Minute::byStatus, COLOURS);
    }

    public List<String> getChannels() {
        return TrafficSummary.channels();
    }

    public List<String> getStatuses() {
        return TrafficSummary.statuses();
    }

    public String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    public String channelName(String channel) {
        return switch (channel) {
            case "missed_call" -> "Missed call";
            case "sms" -> "SMS";
            default -> "Voice";
        };
    }

    public String severity(String state) {
        return switch (state) {
            case "ok" -> "success";
            case "degraded" -> "warning";
            case "failing" -> "danger";
            default -> "secondary";
        };
    }
}
