package dev.ringproof.admin;

import dev.ringproof.verification.control.TrafficSummary.Minute;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Chart.js configurations for p:chart, written with JSON-P so every label is properly quoted. */
final class TrafficCharts {

    /** Json.create… looks the provider up with a ServiceLoader on every call: slow on Payara's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private TrafficCharts() {}

    static String stackedBars(
            List<Minute> minutes, Function<Minute, Map<String, Integer>> series, Map<String, String> colours) {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        minutes.forEach(minute -> labels.add(MINUTE.format(minute.start())));
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (String name : series.apply(minutes.get(0)).keySet()) {
            JsonArrayBuilder data = JSON.createArrayBuilder();
            minutes.forEach(minute -> data.add(series.apply(minute).get(name)));
            datasets.add(JSON.createObjectBuilder()
                    .add("label", name)
                    .add("data", data)
                    .add("backgroundColor", colours.getOrDefault(name, "#999999")));
        }
        var stacked = JSON.createObjectBuilder().add("stacked", true);
        return JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add(
                        "options",
                        JSON.createObjectBuilder()
                                .add("animation", false)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "scales",
                                        JSON.createObjectBuilder()
                                                .add("x", stacked)
                                                .add(
                                                        "y",
                                                        JSON.createObjectBuilder()
                                                                .add("stacked", true)
                                                                .add("beginAtZero", true)
                                                                .add(
                                                                        "ticks",
                                                                        JSON.createObjectBuilder()
                                                                                .add("precision", 0)))))
                .build()
                .toString();
    }
}
