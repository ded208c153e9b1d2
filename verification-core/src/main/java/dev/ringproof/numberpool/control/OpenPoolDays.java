package dev.ringproof.numberpool.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pools whose row of the day this server has seen committed: that row then need not be
 * inserted again for every number that makes its first call of the hour in the pool (rows are
 * never deleted on the day they count). Another server of a cluster opens the day once itself.
 */
@ApplicationScoped
public class OpenPoolDays {

    private volatile LocalDate day = LocalDate.MIN;
    private volatile Set<String> pools = ConcurrentHashMap.newKeySet();

    public boolean isOpen(String poolId, LocalDate onDay) {
        return onDay.equals(day) && pools.contains(poolId);
    }

    /** Records that the pool's row of {@code onDay} is committed; a new day forgets the day before. */
    public synchronized void opened(String poolId, LocalDate onDay) {
        if (onDay.isAfter(day)) {
            pools = ConcurrentHashMap.newKeySet();
            day = onDay;
        }
        if (onDay.equals(day)) {
            pools.add(poolId);
        }
    }
}
