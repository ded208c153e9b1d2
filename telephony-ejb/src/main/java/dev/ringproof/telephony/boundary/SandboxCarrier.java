package dev.ringproof.telephony.boundary;

import dev.ringproof.telephony.entity.HandsetBehaviour;
import dev.ringproof.telephony.entity.HandsetMessage;
import dev.ringproof.telephony.entity.HandsetMessage.Type;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The virtual carrier: what it "sends" lands in the inbox of a virtual handset, stored in
 * the database so it survives a restart like everything else. Never reaches a network.
 */
@Stateless
@LocalBean
public class SandboxCarrier implements Carrier {

    @PersistenceContext(unitName = "telephony")
    EntityManager em;

    /** Something a virtual handset received: a call (its caller id in {@code from}), an SMS or a voice message. */
    public record Received(String type, String from, String text, OffsetDateTime at) {

        static Received of(HandsetMessage m) {
            return new Received(m.type(), m.from(), m.text(), m.receivedAt());
        }
    }

    /** How a virtual handset answers calls, SMS and voice messages. */
    public record Handset(String phone, String calls, String sms, String voice) {

        static Handset of(HandsetBehaviour b) {
            return new Handset(b.phone(), b.calls(), b.sms(), b.voice());
        }
    }

    @Override
    public Delivery flashCall(String to, String cli) {
        return flashCall(to, cli, null);
    }

    @Override
    public Delivery sms(String to, String from, String text) {
        return sms(to, from, text, null);
    }

    @Override
    public Delivery voice(String to, String from, String text) {
        return voice(to, from, text, null);
    }

    /** A flash call of {@code testTenantId}'s test traffic (null: live traffic), as {@link TenantSandbox} makes it. */
    public Delivery flashCall(String to, String cli, String testTenantId) {
        var behaviour = behaviour(to, testTenantId);
        if (!behaviour.map(HandsetBehaviour::rings).orElse(true)) {
            return Delivery.refused("unreachable");
        }
        Delivery rang = deliver(to, Type.CALL, cli, null);
        return behaviour.map(HandsetBehaviour::answers).orElse(false)
                ? Delivery.answered(rang.providerReference())
                : rang;
    }

    public Delivery sms(String to, String from, String text, String testTenantId) {
        return behaviour(to, testTenantId).map(HandsetBehaviour::takesSms).orElse(true)
                ? deliver(to, Type.SMS, from, text)
                : Delivery.refused("undeliverable");
    }

    public Delivery voice(String to, String from, String text, String testTenantId) {
        return behaviour(to, testTenantId).map(HandsetBehaviour::takesVoice).orElse(true)
                ? deliver(to, Type.VOICE, from, text)
                : Delivery.refused("not answered");
    }

    /** What the handset {@code phone} received, oldest first. */
    public List<Received> inbox(String phone) {
        return em
                .createNamedQuery(HandsetMessage.INBOX, HandsetMessage.class)
                .setParameter("phone", phone)
                .getResultList()
                .stream()
                .map(Received::of)
                .toList();
    }

    /** What the handset received from one tenant's test traffic, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Received> inboxOfTenantTests(String phone, String tenantId) {
        List<HandsetMessage> messages = em.createNativeQuery(HandsetMessage.INBOX_OF_TENANT_TESTS, HandsetMessage.class)
                .setParameter(1, phone)
                .setParameter(2, tenantId)
                .getResultList();
        return messages.stream().map(Received::of).toList();
    }

    /**
     * Sets how the handset answers; null leaves a setting as it is. {@code testTenantId} null: for
     * everybody's traffic (the open sandbox); else for that tenant's test traffic only.
     */
    public Handset configure(String phone, String testTenantId, String calls, String sms, String voice) {
        String owner = owner(testTenantId);
        // insert-if-missing, then lock: two first settings of one handset at once both succeed
        // (a find-then-persist let the second fail on the primary key: 500, found by bench/fuzz)
        var defaults = new HandsetBehaviour(owner, phone);
        em.createNativeQuery("insert into sandbox_handset (tenant_id, phone, calls, sms, voice)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, owner)
                .setParameter(2, phone)
                .setParameter(3, defaults.calls())
                .setParameter(4, defaults.sms())
                .setParameter(5, defaults.voice())
                .executeUpdate();
        var behaviour =
                em.find(HandsetBehaviour.class, new HandsetBehaviour.Key(owner, phone), LockModeType.PESSIMISTIC_WRITE);
        behaviour.change(calls, sms, voice);
        return Handset.of(behaviour);
    }

    /** How the handset answers {@code testTenantId}'s test traffic (null: everybody's traffic). */
    public Handset behaviourOf(String phone, String testTenantId) {
        return Handset.of(
                behaviour(phone, testTenantId).orElseGet(() -> new HandsetBehaviour(owner(testTenantId), phone)));
    }

    /** A tenant's own setting for its test traffic first, then the open sandbox's. */
    private Optional<HandsetBehaviour> behaviour(String phone, String testTenantId) {
        return Optional.ofNullable(
                        testTenantId == null
                                ? null
                                : em.find(HandsetBehaviour.class, new HandsetBehaviour.Key(testTenantId, phone)))
                .or(() -> Optional.ofNullable(em.find(
                        HandsetBehaviour.class, new HandsetBehaviour.Key(HandsetBehaviour.EVERY_TENANT, phone))));
    }

    private static String owner(String testTenantId) {
        return testTenantId == null ? HandsetBehaviour.EVERY_TENANT : testTenantId;
    }

    private Delivery deliver(String to, Type type, String from, String text) {
        String id = "sbx_" + timeOrderedUuid();
        em.persist(new HandsetMessage(id, to, type, from, text, OffsetDateTime.now(ZoneOffset.UTC)));
        return Delivery.accepted(id);
    }

    /**
     * A version-7 UUID (RFC 9562): the time in milliseconds first, then random bits. The reference is
     * keyed in three indexes (the sandbox message's own, the send's and the attempt's provider reference); made in time
     * order, a second's sends touch a few pages of each instead of one page per send anywhere in it.
     */
    static UUID timeOrderedUuid() {
        var random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
