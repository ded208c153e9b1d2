package dev.ringproof.routing.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.ringproof.routing.control.Router.Routed;
import dev.ringproof.sealing.control.BrokenSeal;
import dev.ringproof.sealing.control.Seals;
import dev.ringproof.telephony.boundary.Carrier;
import dev.ringproof.telephony.boundary.Delivery;
import dev.ringproof.telephony.boundary.DeliveryReport;
import dev.ringproof.telephony.boundary.OutboundMessage;
import dev.ringproof.telephony.boundary.OutboundOrigin;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Sends one outbound message at most once: the attempt id is claimed in
 * {@code outbound_send} in the same transaction as the send and its report, so a
 * redelivered JMS message finds the claim and does nothing. Before a real network is
 * used, {@link NetworkSends} commits a mark of its own, because a rollback cannot
 * take back an SMS. A message is first taken from its sender ({@link OutboundOrigin}) in the same
 * transaction: one the sender does not wait for is not sent.
 */
@Dependent
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private static final List<String> SANDBOX_ONLY = List.of(Routes.SANDBOX);
    /** The provider recorded for an attempt that no provider could take. */
    private static final String UNROUTED = "none";

    @PersistenceContext(unitName = "telephony")
    EntityManager em;

    @Inject
    Routes routes;

    @Inject
    Carriers carriers;

    @Inject
    ProviderHealth health;

    @Inject
    NetworkSends networkSends;

    @Inject
    Seals seals;

    @Inject
    Event<DeliveryReport> reports;

    @Inject
    OutboundOrigin origin;

    @Inject
    CarrierHandOffs handOffs;

    /** Sends {@code sealed}, whose caller number and text are opened only now, to go to the carrier. */
    @Transactional
    public void dispatch(OutboundMessage sealed) {
        if (!origin.take(sealed.outboxId())) {
            LOG.info(() -> "Ignored, no outbox row awaits it (forged, or sent before): " + sealed);
            return;
        }
        if (!claim(sealed)) {
            LOG.info(() -> "Already sent, not again: " + sealed);
            return;
        }
        OutboundMessage message;
        try {
            message = sealed.opened(seals.outbound());
        } catch (BrokenSeal e) {
            // sealed under another verification.code-secret: a redelivery cannot help, the workflow moves on
            LOG.warning(() -> "Not sent, its seal does not open (" + e.getMessage() + "): " + sealed);
            report(sealed, new Routed(Routes.SANDBOX, Delivery.refused("unreadable message")));
            return;
        }
        // test traffic never leaves the sandbox, whatever the routes say; in production live traffic never enters it
        String country = message.country() != null ? message.country() : country(message.to());
        List<String> providers = routes.providersFor(message.channel(), country, message.test());
        Routed routed;
        if (providers.isEmpty()) {
            // the route went away after the attempt was started: the attempt fails and the workflow moves on
            routed = new Routed(UNROUTED, Delivery.notSent("no route for live traffic"));
        } else if (!providers.equals(SANDBOX_ONLY) && !networkSends.begin(message.attemptId(), providers)) {
            routed = new Routed(providers.get(0), Delivery.unknown("an earlier try may have sent it"));
        } else {
            long started = System.nanoTime();
            routed = new Router(health, name -> carriers.named(name, message.tenantId(), message.test()))
                    .send(providers, carrier -> send(carrier, message));
            handOffs.handedOff(routed.provider(), outcome(routed), Duration.ofNanos(System.nanoTime() - started));
        }
        report(message, routed);
    }

    private void report(OutboundMessage message, Routed routed) {
        Delivery delivery = routed.delivery();
        handOffs.counted(routed.provider(), message.channel(), outcome(routed));
        em.createNativeQuery("update outbound_send set accepted = ?1, provider_ref = ?2, reason = ?3, provider = ?4"
                        + " where attempt_id = ?5")
                .setParameter(1, delivery.accepted())
                .setParameter(2, delivery.providerReference())
                .setParameter(3, delivery.reason())
                .setParameter(4, routed.provider())
                .setParameter(5, message.attemptId())
                .executeUpdate();
        reports.fire(new DeliveryReport(
                message.attemptId(),
                message.channel(),
                routed.provider(),
                delivery.accepted(),
                delivery.providerReference(),
                delivery.reason(),
                "missed_call".equals(message.channel()) ? message.from() : null,
                delivery.outcome(),
                delivery.answered()));
    }

    private boolean claim(OutboundMessage message) {
        return em.createNativeQuery("insert into outbound_send"
                                + " (attempt_id, tenant_id, test, channel, provider, accepted, sent_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, false, ?6) on conflict do nothing")
                        .setParameter(1, message.attemptId())
                        .setParameter(2, message.tenantId())
                        .setParameter(3, message.test())
                        .setParameter(4, message.channel())
                        .setParameter(5, Routes.SANDBOX)
                        .setParameter(6, OffsetDateTime.now(ZoneOffset.UTC))
                        .executeUpdate()
                == 1;
    }

    private static String outcome(Routed routed) {
        return routed.delivery().outcome().name().toLowerCase(Locale.ROOT);
    }

    private static String country(String e164) {
        var util = PhoneNumberUtil.getInstance();
        try {
            String region = util.getRegionCodeForNumber(util.parse(e164, null));
            return region == null ? "ZZ" : region;
        } catch (NumberParseException e) {
            return "ZZ";
        }
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
