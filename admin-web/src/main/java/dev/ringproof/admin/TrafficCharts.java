package dev.ringproof.admin;

import dev.ringproof.verification.control.TrafficSummary.Minute;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Chart.js configurations for p:chart, written with JSON-P so every label is properly quoted. */
final class TrafficCharts {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private TrafficCharts() {
    }

    static String stackedBars(List<Minute> minutes, Function<Minute, Map<String, Integer>> series,
                              Map<String, String> colours) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        minutes.forEach(minute -> labels.add(MINUTE.format(minute.start())));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (String name : series.apply(minutes.get(0)).keySet()) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            minutes.forEach(minute -> data.add(series.apply(minute).get(name)));
            datasets.add(Json.createObjectBuilder().add("label", name).add("data", data)
                    .add("backgroundColor", colours.getOrDefault(name, "#999999")));
        }
        var stacked = Json.createObjectBuilder().add("stacked", true);
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", stacked)
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
