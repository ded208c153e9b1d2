package dev.ringproof.numberpool.control;

import dev.ringproof.numberpool.entity.CliCounts;
import dev.ringproof.numberpool.entity.PoolHealthView.DayCounts;
import dev.ringproof.numberpool.entity.PoolHealthView.NumberCounts;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

/** Reads a pool's health counters for the admin: per day, and its most answered or failed numbers. */
@Dependent
public class HealthQueries {

    private static final String SUMS = "sum(placed), sum(ringing), sum(answered), sum(failed), sum(approved)";

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    CliKeys keys;

    public List<DayCounts> days(String poolId, LocalDate since) {
        return rows(
                        "select on_day, " + SUMS
                                + " from cli_day where pool_id = ?1 and on_day >= ?2 group by on_day order by on_day",
                        poolId,
                        since,
                        Integer.MAX_VALUE)
                .stream()
                .map(r -> new DayCounts(day(r[0]), counts(r)))
                .toList();
    }

    /** The {@code limit} numbers with the most of {@code column} (answered or failed) since {@code since}, above 0. */
    public List<NumberCounts> top(String poolId, LocalDate since, String column, int limit) {
        String sql = "select cli_key, " + SUMS + ", min(sealed) from cli_day where pool_id = ?1 and on_day >= ?2"
                + " group by cli_key having sum(" + column + ") > 0 order by sum(" + column + ") desc, cli_key";
        return rows(sql, poolId, since, limit).stream()
                .map(r -> new NumberCounts(keys.opened((String) r[6], (String) r[0]), counts(r)))
                .toList();
    }

    public long inUse(String poolId, LocalDate day) {
        return ((Number) em.createNativeQuery("select count(*) from cli_day where pool_id = ?1 and on_day = ?2")
                        .setParameter(1, poolId)
                        .setParameter(2, day)
                        .getSingleResult())
                .longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String poolId, LocalDate since, int limit) {
        return em.createNativeQuery(sql)
                .setParameter(1, poolId)
                .setParameter(2, since)
                .setMaxResults(limit)
                .getResultList();
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static CliCounts counts(Object[] r) {
        return new CliCounts(
                ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue(),
                ((Number) r[5]).longValue());
    }
}
