package dev.ringproof.routing.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit breaker per provider, kept by us because MicroProfile's breaker is per method (one
 * for all REST accounts) and was seen not to stay open across requests on this server.
 * In memory per node: each node learns a dead provider within its own first few sends.
 */
public class ProviderHealth {

    /** What the admin API shows of one provider. */
    public record State(
            String provider, boolean open, Instant openUntil, int recentSends, double errorRate, int failuresInARow) {}

    private static final int WINDOW = 20;

    private final Clock clock;
    private final int failureThreshold;
    private final Duration openFor;
    private final Map<String, Track> tracks = new ConcurrentHashMap<>();

    public ProviderHealth(Clock clock, int failureThreshold, Duration openFor) {
        this.clock = clock;
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
    }

    /** Whether a send may go to the provider now; after the open time one trial send is let through. */
    public boolean admits(String provider) {
        return track(provider).admits(clock.instant());
    }

    public void succeeded(String provider) {
        track(provider).record(true, clock.instant(), failureThreshold, openFor);
    }

    public void failed(String provider) {
        track(provider).record(false, clock.instant(), failureThreshold, openFor);
    }

    public Map<String, State> states() {
        Map<String, State> states = new TreeMap<>();
        tracks.forEach((name, track) -> states.put(name, track.state(name, clock.instant())));
        return states;
    }

    private Track track(String provider) {
        return tracks.computeIfAbsent(provider, p -> new Track());
    }

    private static final class Track {
        private final Deque<Boolean> recent = new ArrayDeque<>();
        private int failuresInARow;
        private Instant openUntil = Instant.MIN;
        private boolean trialOut;

        synchronized boolean admits(Instant now) {
            if (now.isBefore(openUntil)) {
                return false;
            }
            if (failuresInARow == 0 || openUntil.equals(Instant.MIN)) {
                return true;
            }
            // half open: one trial at a time decides whether it closes again
            boolean admitted = !trialOut;
            trialOut = true;
            return admitted;
        }

        synchronized void record(boolean success, Instant now, int threshold, Duration openFor) {
            recent.addLast(success);
            if (recent.size() > WINDOW) {
                recent.removeFirst();
            }
            trialOut = false;
            failuresInARow = success ? 0 : failuresInARow + 1;
            if (success) {
                openUntil = Instant.MIN;
            } else if (failuresInARow >= threshold) {
                openUntil = now.plus(openFor);
            }
        }

        synchronized State state(String name, Instant now) {
            long errors = recent.stream().filter(ok -> !ok).count();
            double rate = recent.isEmpty() ? 0 : (double) errors / recent.size();
            boolean open = now.isBefore(openUntil);
            return new State(name, open, open ? openUntil : null, recent.size(), rate, failuresInARow);
        }
    }
}
