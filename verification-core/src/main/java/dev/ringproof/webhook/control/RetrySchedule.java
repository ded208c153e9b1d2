package dev.ringproof.webhook.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** When a failed delivery is tried again: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, with jitter. */
public final class RetrySchedule {

    public static final String DEFAULT = "PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT14H,PT20H,PT24H";

    private final List<Duration> delays;

    public RetrySchedule(String spec) {
        this.delays = Arrays.stream(spec.split(","))
                .map(String::trim)
                .map(Duration::parse)
                .toList();
    }

    /** The wait before attempt {@code attempt + 1} after attempt {@code attempt} failed; empty: give up. */
    public Optional<Duration> after(int attempt) {
        if (attempt < 1 || attempt > delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(attempt - 1);
        long jitter =
                (long) (base.toMillis() * 0.1 * ThreadLocalRandom.current().nextDouble(-1, 1));
        return Optional.of(base.plusMillis(jitter));
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }
}
