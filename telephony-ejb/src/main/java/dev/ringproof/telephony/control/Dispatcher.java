package dev.ringproof.telephony.control;

import dev.ringproof.telephony.boundary.Carrier;
import dev.ringproof.telephony.boundary.Delivery;
import dev.ringproof.telephony.boundary.DeliveryReport;
import dev.ringproof.telephony.boundary.OutboundConsumed;
import dev.ringproof.telephony.boundary.OutboundMessage;
import dev.ringproof.telephony.boundary.SandboxCarrier;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * Sends one outbound message at most once: the attempt id is claimed in
 * {@code outbound_send} in the same transaction as the send and its report, so a
 * redelivered JMS message finds the claim and does nothing.
 */
@Dependent
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final String SANDBOX = "sandbox";

    @PersistenceContext(unitName = "telephony")
    EntityManager em;

    @Inject
    SandboxCarrier sandbox;

    @Inject
    Event<DeliveryReport> reports;

    @Inject
    Event<OutboundConsumed> consumed;

    public void dispatch(OutboundMessage message) {
        int claimed = em.createNativeQuery("insert into outbound_send"
                        + " (attempt_id, tenant_id, test, channel, provider, accepted, sent_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, false, ?6) on conflict do nothing")
                .setParameter(1, message.attemptId())
                .setParameter(2, message.tenantId())
                .setParameter(3, message.test())
                .setParameter(4, message.channel())
                .setParameter(5, SANDBOX)
                .setParameter(6, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        if (claimed == 0) {
            LOG.info(() -> "Already sent, not again: " + message);
            consumed.fire(new OutboundConsumed(message.outboxId()));
            return;
        }
        Delivery delivery = send(sandbox, message);
        em.createNativeQuery("update outbound_send set accepted = ?1, provider_ref = ?2, reason = ?3"
                        + " where attempt_id = ?4")
                .setParameter(1, delivery.accepted())
                .setParameter(2, delivery.providerReference())
                .setParameter(3, delivery.reason())
                .setParameter(4, message.attemptId())
                .executeUpdate();
        reports.fire(new DeliveryReport(message.attemptId(), message.channel(), SANDBOX, delivery.accepted(),
                delivery.providerReference(), delivery.reason()));
        consumed.fire(new OutboundConsumed(message.outboxId()));
    }

    private static Delivery send(Carrier carrier, OutboundMessage message) {
        return switch (message.channel()) {
            case "missed_call" -> carrier.flashCall(message.to(), message.from());
            case "sms" -> carrier.sms(message.to(), message.from(), message.text());
            case "voice" -> carrier.voice(message.to(), message.from(), message.text());
            default -> Delivery.refused("unknown channel");
        };
    }
}
