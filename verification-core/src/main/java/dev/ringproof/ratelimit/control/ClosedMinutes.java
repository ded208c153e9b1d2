package dev.ringproof.ratelimit.control;

import dev.ringproof.ratelimit.control.PrefixTraffic.Stats;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The watches' sums over each prefix's closed minutes (those that ended a minute or more ago),
 * read once a minute per prefix and kept here: a busy prefix has a row for every minute of the
 * last day, and summing them all again on every start cost the database a fifth of a start (2
 * 000 rows). The sums hold for a whole minute because the watches' periods are whole minutes
 * and each row is one minute: within a minute no row moves in or out of a period. A start adds
 * the rows of the last two minutes, read as it starts. Kept sums are read again when the
 * prefix's oldest row is no longer the one they were read with (its traffic forgotten when a
 * block was lifted on any server, or the oldest minutes dropped by retention).
 */
@ApplicationScoped
public class ClosedMinutes {

    /** More prefixes than this and the kept sums are all dropped, to be read again as they are needed. */
    static final int MOST_PREFIXES = 10_000;

    /** The sums of a prefix's closed minutes, and its oldest row (null: none) when they were read. */
    public record Sums(Stats stats, Instant oldest) {}

    private record Prefix(String prefix, boolean test) {}

    private record Kept(OffsetDateTime minute, Sums sums) {}

    private final ConcurrentMap<Prefix, Kept> kept = new ConcurrentHashMap<>();

    /**
     * The sums of the prefix's closed minutes in {@code minute}: those kept, or those {@code read}
     * returns when none are kept for this minute or the prefix's oldest row is now {@code oldest}.
     */
    public Stats of(String prefix, boolean test, OffsetDateTime minute, Instant oldest, Supplier<Sums> read) {
        var key = new Prefix(prefix, test);
        var known = kept.get(key);
        if (known != null
                && known.minute().isEqual(minute)
                && Objects.equals(known.sums().oldest(), oldest)) {
            return known.sums().stats();
        }
        var sums = read.get();
        if (kept.size() >= MOST_PREFIXES) {
            kept.clear();
        }
        kept.put(key, new Kept(minute, sums));
        return sums.stats();
    }

    /** Forgets the sums kept of the prefix's traffic in one world. */
    public void forget(String prefix, boolean test) {
        kept.remove(new Prefix(prefix, test));
    }
}
