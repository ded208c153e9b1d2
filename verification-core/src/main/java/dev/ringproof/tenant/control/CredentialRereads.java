package dev.ringproof.tenant.control;

import dev.ringproof.platform.control.Reread;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says when an api key or a tenant, which requests read from the shared cache, must be read from
 * the database again: at most {@link #AT_MOST_EVERY} after its last reading on this server. That
 * bounds how long a revocation or a suspension made through another server goes unseen here.
 * (The shared cache's own expiry did not: a key revoked in the database was still accepted from
 * the cache 40 s later, bench drill and single-server probe alike.)
 */
@ApplicationScoped
public class CredentialRereads {

    /** The bound on how late a change made elsewhere is seen here. */
    public static final Duration AT_MOST_EVERY = Reread.AT_MOST;

    /** Below this, entries of long-unused keys are not worth a sweep. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Instant> lastRead = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    public CredentialRereads() {
        // for CDI
    }

    CredentialRereads(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code id} must be read from the database now; if so, it counts as read now. */
    public boolean due(String id) {
        Instant now = clock.instant();
        Instant dueAt = now.minus(AT_MOST_EVERY);
        boolean[] due = {false};
        lastRead.compute(id, (key, last) -> {
            if (last == null || !last.isAfter(dueAt)) {
                due[0] = true;
                return now;
            }
            return last;
        });
        if (due[0] && lastRead.size() > SWEEP_ABOVE) {
            lastRead.values().removeIf(last -> !last.isAfter(dueAt));
        }
        return due[0];
    }

    /**
     * Forgets {@code id}, which named nothing: only existing keys and tenants are remembered, so
     * made-up key ids sent by the thousand neither grow the map nor make each call sweep it.
     */
    public void forget(String id) {
        lastRead.remove(id);
    }
}
