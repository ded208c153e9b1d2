package dev.ringproof.twilio.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.PhoneNumbers;
import dev.ringproof.tenant.boundary.TenantCaller;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.twilio.entity.ServiceProfile;
import dev.ringproof.twilio.entity.ServiceVerification;
import dev.ringproof.verification.boundary.StartCommand;
import dev.ringproof.verification.boundary.Verifications;
import dev.ringproof.verification.entity.Verification;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifications through the Twilio door, each tied to a Service: Twilio's rule that a second
 * start for a number with a pending verification of the same Service sends its code again (at
 * most {@link #MAX_SENDS} sends in all), and every other step through the native use cases.
 */
@Stateless
public class TwilioVerifications {

    public static final String DOOR = "twilio";
    public static final int MAX_SENDS = 5;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @EJB
    Verifications verifications;

    @EJB
    TwilioServices services;

    @Inject
    Clock clock;

    /**
     * What a start asks for: {@code channel} one of ours, or null for the tenant's workflow
     * beginning with the missed call; {@code brand} null for the Service's name.
     */
    public record Start(String to, Channel channel, String locale, String brand, String address) {}

    public Verification start(TenantCaller caller, String serviceSid, Start start) {
        var service = services.find(caller, serviceSid);
        var phone = PhoneNumbers.parse(start.to());
        var pending = pendingTo(caller, service, phone.e164());
        if (pending.isPresent()) {
            var verification = pending.get();
            if (verification.attempts().size() >= MAX_SENDS) {
                throw new SendAttemptsExhausted();
            }
            var channels = start.channel() == null
                    ? List.of(verification.currentAttempt().orElseThrow().channel())
                    : List.of(start.channel());
            return verifications.resend(caller, verification.id(), channels, start.address());
        }
        var channels = start.channel() == null
                ? missedCallFirst(em.find(Tenant.class, caller.tenantId()))
                : List.of(start.channel().wireName());
        var command = new StartCommand(
                phone.e164(),
                channels,
                start.locale(),
                null,
                null,
                start.address(),
                new Verification.Presentation(
                        DOOR, start.brand() == null ? service.friendlyName() : start.brand(), service.codeLength()));
        var verification = verifications.start(caller, command, null);
        // the verification's row first: nothing maps the link to it, so no commit order would put it after
        em.flush();
        em.persist(new ServiceVerification(verification.id(), service.sid(), phone.e164(), OffsetDateTime.now(clock)));
        return verification;
    }

    /** A verification of this Service; another Service's, tenant's or world's answers as unknown. */
    public Verification find(TenantCaller caller, String serviceSid, String verificationId) {
        var service = services.find(caller, serviceSid);
        var link = verificationId == null ? null : em.find(ServiceVerification.class, verificationId);
        if (link == null || !link.serviceSid().equals(service.sid())) {
            throw Refusal.notFound("verification");
        }
        return verifications.find(caller, verificationId);
    }

    /** The Service's pending verification to {@code to}, the one a check by number is for. */
    public Optional<Verification> pendingTo(TenantCaller caller, String serviceSid, String to) {
        var service = services.find(caller, serviceSid);
        return pendingTo(caller, service, PhoneNumbers.parse(to).e164());
    }

    private Optional<Verification> pendingTo(TenantCaller caller, ServiceProfile service, String phone) {
        return em.createNamedQuery(ServiceVerification.LATEST_TO_PHONE, ServiceVerification.class)
                .setParameter("service", service.sid())
                .setParameter("phone", phone)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(link -> verifications.find(caller, link.verificationId()))
                .filter(Verification::isPending);
    }

    /** Twilio's {@code auto}: the tenant's workflow, the missed call first. */
    private static List<String> missedCallFirst(Tenant tenant) {
        List<String> channels = new ArrayList<>();
        channels.add(Channel.MISSED_CALL.wireName());
        tenant.workflow().stream().filter(c -> c != Channel.MISSED_CALL).forEach(c -> channels.add(c.wireName()));
        return channels;
    }
}
