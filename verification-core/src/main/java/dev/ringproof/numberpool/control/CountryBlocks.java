package dev.ringproof.numberpool.control;

import dev.ringproof.numberpool.entity.FullBlockSpan;
import dev.ringproof.numberpool.entity.NumberPool;
import dev.ringproof.numberpool.entity.NumberRun;
import dev.ringproof.numberpool.entity.PoolRange;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The whole blocks of a country's enabled pools. A block may span pools, so any change to
 * a country's numbers (added, removed, a pool enabled, disabled or deleted) locks all the
 * country's pools first and then rewrites the country's {@link FullBlockSpan}s: two changes
 * in one country never each miss the other's numbers.
 */
@Dependent
public class CountryBlocks {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    /** Held until the transaction ends; every change takes the pools in the same order, so none deadlocks. */
    public void lock(String country) {
        em.createNamedQuery(NumberPool.OF_COUNTRY, NumberPool.class)
                .setParameter("country", country)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** The numbers of the country's enabled pools, joined into runs; read from the database, not a cache. */
    public List<NumberRun> runs(String country) {
        em.flush();
        return NumberRun.joined(em.createNamedQuery(PoolRange.RUNS_ENABLED_IN, NumberRun.class)
                .setParameter("country", country)
                .getResultList());
    }

    /** Rewrites the country's spans from its enabled pools; call under {@link #lock}. */
    public void refresh(String country) {
        var runs = runs(country);
        em.createNamedQuery(FullBlockSpan.DELETE_IN)
                .setParameter("country", country)
                .executeUpdate();
        runs.stream()
                .flatMap(run -> run.wholeBlocks(FullBlockSpan.BLOCK_DIGITS).stream())
                .forEach(span -> em.persist(new FullBlockSpan(country, span)));
    }
}
