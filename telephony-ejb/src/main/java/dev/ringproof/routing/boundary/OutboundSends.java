package dev.ringproof.routing.boundary;

import dev.ringproof.routing.control.Dispatcher;
import dev.ringproof.telephony.boundary.OutboundMessage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Sends an outbound message now, in a transaction of its own, at most once: the way in for a
 * caller that holds the message already (the outbox relay, straight after the start commits) rather
 * than receiving it from the broker ({@link OutboundListener}). Both ways claim the attempt in the
 * same table, so a message that takes both (the relay's sweep after a crash) is sent once. An
 * enterprise bean, so that the send runs in telephony-ejb's naming context (its persistence unit)
 * whatever module's thread calls it.
 */
@Stateless
public class OutboundSends {

    /** Native: the attempt a provider took under a reference ({@code ?1} the reference, {@code ?2} the provider). */
    public static final String ATTEMPT_SENT_AS =
            "select attempt_id from outbound_send where provider_ref = ?1 and provider = ?2";

    @Inject
    Dispatcher dispatcher;

    @PersistenceContext(unitName = "telephony")
    EntityManager em;

    public void send(OutboundMessage sealed) {
        dispatcher.dispatch(sealed);
    }

    /**
     * The attempt that {@code provider} took under its reference {@code reference}, for its status
     * callbacks: only a send through that provider (references are unique per provider only). The
     * send's record is the one place a reference is indexed.
     */
    public Optional<String> attemptSentAs(String provider, String reference) {
        List<?> found = em.createNativeQuery(ATTEMPT_SENT_AS)
                .setParameter(1, reference)
                .setParameter(2, provider)
                .getResultList();
        return found.stream().findFirst().map(String.class::cast);
    }
}
