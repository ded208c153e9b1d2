package dev.ringproof.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;

/** The outbox rows' life: relayed (kept, in case the broker loses the message), then consumed (deleted). */
@Stateless
public class OutboxRows {

    /** The name of the map-message field that carries the row's id to the consumer. */
    public static final String ID_FIELD = "outbox_id";

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void relayed(String id) {
        em.createQuery("update OutboxMessage m set m.relayedAt = :now where m.id = :id")
                .setParameter("now", OffsetDateTime.now(clock)).setParameter("id", id).executeUpdate();
    }

    /**
     * Called by the consumer once it has acted on the message, in a short transaction of its
     * own so the row is not held locked through the consumer's work; a crash in between
     * relays the message again, which its idempotent consumer shrugs off.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void consumed(String id) {
        if (id != null) {
            em.createQuery("delete from OutboxMessage m where m.id = :id").setParameter("id", id).executeUpdate();
        }
    }
}
