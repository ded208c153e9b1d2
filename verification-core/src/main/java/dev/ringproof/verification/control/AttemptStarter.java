package dev.ringproof.verification.control;

import dev.ringproof.numberpool.control.CliAllocator;
import dev.ringproof.platform.control.Ids;
import dev.ringproof.routing.boundary.Coverage;
import dev.ringproof.telephony.boundary.OutboundMessage;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.verification.entity.Attempt;
import dev.ringproof.verification.entity.CodeHasher;
import dev.ringproof.verification.entity.Verification;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the first channel of a verification's workflow, from a given position, that can
 * be used now: records the attempt with its hashed code, queues the send and sets the
 * fallback timer, all in the caller's transaction. A missed call needs a whole block of
 * 10^code_length numbers in the enabled pools of the destination's country, so that its code
 * is uniform; without one it is skipped and the next channel starts, as is a channel that no
 * route carries to the country (live traffic in production mode).
 */
@Dependent
public class AttemptStarter {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    CliAllocator cliAllocator;

    @Inject
    Codes codes;

    @Inject
    CodeHasher hasher;

    @Inject
    OutboundQueue outbound;

    @EJB
    Coverage coverage;

    @Inject
    FallbackTimer timer;

    @Inject
    @ConfigProperty(name = "verification.sms-sender", defaultValue = "Ringproof")
    String smsSender;

    @Inject
    @ConfigProperty(name = "verification.voice-caller-id", defaultValue = "Ringproof")
    String voiceCallerId;

    /** Starts a channel from {@code channels}, in order; empty when none can be used. */
    public Optional<Attempt> startFirstUsable(
            Verification verification, Tenant tenant, List<Channel> channels, OffsetDateTime now) {
        for (Channel channel : channels) {
            var attempt = start(verification, tenant, channel, now);
            if (attempt.isPresent()) {
                return attempt;
            }
        }
        return Optional.empty();
    }

    private Optional<Attempt> start(Verification verification, Tenant tenant, Channel channel, OffsetDateTime now) {
        if (!coverage.reaches(channel.wireName(), verification.country(), verification.isTestMode())) {
            return Optional.empty();
        }
        String attemptId = Ids.next("at");
        OffsetDateTime fallbackAt = verification
                .channelAfter(channel)
                .map(next -> now.plusSeconds(tenant.fallbackAfterSeconds().get(channel)))
                .orElse(null);
        Attempt attempt;
        OutboundMessage message;
        if (channel == Channel.MISSED_CALL) {
            int length = tenant.codeLength();
            var cli = cliAllocator.draw(
                    verification.country(),
                    length,
                    candidate -> !recentlyCalledFrom(verification.phone(), candidate, tenant, now),
                    now);
            if (cli.isEmpty()) {
                return Optional.empty();
            }
            String number = cli.get();
            String prefix = number.substring(0, number.length() - length);
            String code = number.substring(number.length() - length);
            attempt = verification.startAttempt(
                    attemptId, channel, prefix, length, hasher.hash(attemptId, code), now, fallbackAt);
            message = new OutboundMessage(
                    attemptId,
                    verification.tenantId(),
                    channel.wireName(),
                    verification.phone(),
                    number,
                    null,
                    verification.isTestMode(),
                    verification.country());
        } else {
            var presentation = verification.presentation();
            String code = codes.otp(presentation.otpLength() == null ? tenant.otpLength() : presentation.otpLength());
            String brand = presentation.brand() == null ? tenant.name() : presentation.brand();
            attempt = verification.startAttempt(
                    attemptId, channel, null, code.length(), hasher.hash(attemptId, code), now, fallbackAt);
            boolean sms = channel == Channel.SMS;
            String text = sms
                    ? MessageTexts.sms(verification.locale(), brand, code)
                    : MessageTexts.voice(verification.locale(), brand, code);
            message = new OutboundMessage(
                    attemptId,
                    verification.tenantId(),
                    channel.wireName(),
                    verification.phone(),
                    sms ? smsSender : voiceCallerId,
                    text,
                    verification.isTestMode(),
                    verification.country());
        }
        em.persist(attempt);
        outbound.send(message);
        if (fallbackAt != null) {
            timer.fallbackAfter(verification.id(), attempt.seq(), Duration.between(now, fallbackAt));
        }
        return Optional.of(attempt);
    }

    /** Whether this phone got a missed call from {@code cli} within the tenant's verification lifetime. */
    private boolean recentlyCalledFrom(String phone, String cli, Tenant tenant, OffsetDateTime now) {
        return em
                .createNamedQuery(Attempt.RECENT_MISSED_CALLS_TO, Attempt.class)
                .setParameter("phone", phone)
                .setParameter("since", now.minusSeconds(tenant.ttlSeconds()))
                .getResultList()
                .stream()
                .anyMatch(a -> cli.length() == a.cliPrefix().length() + a.codeLength()
                        && cli.startsWith(a.cliPrefix())
                        && hasher.matches(a.id(), cli.substring(a.cliPrefix().length()), a.codeHash()));
    }
}
