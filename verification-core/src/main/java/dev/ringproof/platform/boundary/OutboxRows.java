package dev.ringproof.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Deletes relayed outbox rows, each in a transaction of its own. */
@Stateless
public class OutboxRows {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void delete(String id) {
        em.createQuery("delete from OutboxMessage m where m.id = :id").setParameter("id", id).executeUpdate();
    }
}
