package dev.ringproof.ratelimit.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A fixed window of {@code seconds}, aligned to the Unix epoch so that every server
 * instance puts the same instant into the same window. Up to twice the limit can pass
 * around a window's edge; in exchange a limit costs one counter row and one update.
 */
public record FixedWindow(OffsetDateTime start, OffsetDateTime end) {

    public static FixedWindow around(OffsetDateTime now, int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("a window lasts at least a second");
        }
        long epoch = now.toEpochSecond();
        long start = Math.floorDiv(epoch, seconds) * seconds;
        return new FixedWindow(at(start), at(start + seconds));
    }

    /** Whole seconds until the window ends, at least 1: what {@code Retry-After} says. */
    public long secondsLeft(OffsetDateTime now) {
        long millis = java.time.Duration.between(now, end).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private static OffsetDateTime at(long epochSecond) {
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
