package dev.ringproof.telephony.boundary;

import dev.ringproof.telephony.entity.HandsetMessage;
import dev.ringproof.telephony.entity.HandsetMessage.Type;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The virtual carrier: what it "sends" lands in the inbox of a virtual handset, stored in
 * the database so it survives a restart like everything else. Never reaches a network.
 */
@Stateless
public class SandboxCarrier implements Carrier {

    @PersistenceContext(unitName = "telephony")
    EntityManager em;

    @Override
    public Delivery flashCall(String to, String cli) {
        return deliver(to, Type.CALL, cli, null);
    }

    @Override
    public Delivery sms(String to, String from, String text) {
        return deliver(to, Type.SMS, from, text);
    }

    @Override
    public Delivery voice(String to, String from, String text) {
        return deliver(to, Type.VOICE, from, text);
    }

    /** What the handset {@code phone} received, oldest first. */
    public List<HandsetMessage> inbox(String phone) {
        return em.createNamedQuery(HandsetMessage.INBOX, HandsetMessage.class)
                .setParameter("phone", phone)
                .getResultList();
    }

    private Delivery deliver(String to, Type type, String from, String text) {
        String id = "sbx_" + UUID.randomUUID();
        em.persist(new HandsetMessage(id, to, type, from, text, OffsetDateTime.now(ZoneOffset.UTC)));
        return Delivery.accepted(id);
    }
}
