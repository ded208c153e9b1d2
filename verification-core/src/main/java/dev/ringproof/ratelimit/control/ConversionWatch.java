package dev.ringproof.ratelimit.control;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether a prefix's conversion collapsed: of at least {@code minStarts} starts in
 * the {@code window} (leaving out the last {@code settle}, whose verifications may still be
 * approved), fewer than {@code minRate} got approved. Pumped numbers never approve.
 */
public record ConversionWatch(Duration window, Duration settle, int minStarts, double minRate) {

    /** Why the prefix should be blocked, or empty while its conversion is healthy or unknown. */
    public Optional<String> judge(long starts, long approvals) {
        if (starts < minStarts || approvals >= minRate * starts) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                java.util.Locale.ROOT,
                "%d of %d starts approved (%.1f%%) in %d hours",
                approvals,
                starts,
                100.0 * approvals / starts,
                window.toHours()));
    }
}
