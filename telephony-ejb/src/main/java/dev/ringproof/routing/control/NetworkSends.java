package dev.ringproof.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Marks, in a transaction of its own, that an attempt is about to leave for a real network. */
@ApplicationScoped
public class NetworkSends {

    @PersistenceContext(unitName = "telephony")
    EntityManager em;

    /** False when an earlier delivery of the same message already went to the network. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean begin(String attemptId, List<String> providers) {
        return em.createNativeQuery("insert into carrier_send (attempt_id, providers, started_at)"
                                + " values (?1, ?2, ?3) on conflict do nothing")
                        .setParameter(1, attemptId)
                        .setParameter(2, String.join(",", providers))
                        .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                        .executeUpdate()
                == 1;
    }
}
