package dev.ringproof.verification.boundary;

import dev.ringproof.verification.control.TrafficSummary;
import dev.ringproof.verification.control.TrafficSummary.AttemptRow;
import dev.ringproof.verification.entity.Attempt;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Read-only live traffic for the console's dashboard. One query reads the last hour's
 * attempts (at most a few per verification); the sums are made in {@link TrafficSummary}
 * because per-minute buckets have no portable JPQL form.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TrafficStats {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    public TrafficSummary lastHour() {
        var now = OffsetDateTime.now(clock);
        var rows = em.createNamedQuery(Attempt.TRAFFIC_SINCE, Object[].class)
                .setParameter("since", TrafficSummary.since(now))
                .getResultStream()
                .map(r -> new AttemptRow(
                        (String) r[0],
                        (OffsetDateTime) r[1],
                        (String) r[2],
                        (Integer) r[3],
                        (String) r[4],
                        (String) r[5],
                        (OffsetDateTime) r[6]))
                .toList();
        return TrafficSummary.of(rows, now);
    }
}
