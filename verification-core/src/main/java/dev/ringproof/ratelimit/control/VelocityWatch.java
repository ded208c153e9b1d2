package dev.ringproof.ratelimit.control;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether starts to a prefix jumped far above that prefix's own recent rate: at
 * least {@code minStarts} in the last {@code window}, and more than {@code factor} times the
 * average per window over the {@code baseline} before it. A prefix without history has a
 * baseline of zero, so there {@code minStarts} alone decides.
 */
public record VelocityWatch(Duration window, Duration baseline, int minStarts, double factor) {

    /** Why the prefix should be blocked, or empty when its traffic looks normal. */
    public Optional<String> judge(long recentStarts, long baselineStarts) {
        if (recentStarts < minStarts) {
            return Optional.empty();
        }
        double windowsInBaseline = Math.max(1.0, (double) baseline.toSeconds() / window.toSeconds());
        double usual = baselineStarts / windowsInBaseline;
        if (recentStarts <= factor * usual) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                java.util.Locale.ROOT,
                "%d starts in %d minutes against a usual %.1f",
                recentStarts,
                window.toMinutes(),
                usual));
    }
}
