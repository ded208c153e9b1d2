package dev.ringproof.verification.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.routing.boundary.OutboundSends;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.verification.control.CarrierSignature;
import dev.ringproof.verification.entity.Attempt;
import dev.ringproof.verification.entity.Verification;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * A carrier's word on an attempt it took (delivered, failed), from its signed status callback.
 * Interim states (queued, sent, ringing) change nothing.
 */
@Stateless
public class CarrierStatuses {

    private static final Logger LOG = Logger.getLogger(CarrierStatuses.class.getName());
    private static final Set<String> DELIVERED = Set.of("delivered", "completed");
    private static final Set<String> FAILED = Set.of("failed", "undelivered", "busy", "no-answer", "canceled");

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @EJB
    Verifications verifications;

    @EJB
    OutboundSends sends;

    @Inject
    Config config;

    public void report(String provider, String signature, Map<String, String> params) {
        String token = config.getOptionalValue("telephony.carrier." + provider + ".auth-token", String.class)
                .orElseThrow(() -> Refusal.notFound("carrier"));
        String url = config.getOptionalValue("telephony.callback-url", String.class)
                .map(base -> base.replaceAll("/+$", "") + "/" + provider)
                .orElseThrow(() -> Refusal.notFound("carrier"));
        if (!CarrierSignature.matches(token, url, params, signature)) {
            throw new Refusal(Refusal.Reason.FORBIDDEN, "The signature does not match.");
        }
        String ref = either(params, "MessageSid", "CallSid");
        String status = either(params, "MessageStatus", "CallStatus");
        // only an attempt this provider took: another provider's reference is unknown here
        sends.attemptSentAs(provider, ref)
                .map(attemptId -> em.find(Attempt.class, attemptId))
                .ifPresentOrElse(
                        attempt -> apply(attempt, provider, status),
                        () -> LOG.info(() -> "Status for an unknown " + provider + " reference"));
    }

    private void apply(Attempt attempt, String provider, String status) {
        // for a flash call an unanswered call is the whole point
        boolean flashCallDone = attempt.channel() == Channel.MISSED_CALL && "no-answer".equals(status);
        if (DELIVERED.contains(status) || flashCallDone) {
            // the same lock order as every other change to a verification's attempts
            em.find(Verification.class, attempt.verification().id(), LockModeType.PESSIMISTIC_WRITE);
            em.refresh(attempt);
            attempt.markDelivered();
        } else if (FAILED.contains(status)) {
            verifications.deliveryReported(attempt.id(), provider, false, null, "carrier: " + status);
        }
    }

    private static String either(Map<String, String> params, String first, String second) {
        String value = params.getOrDefault(first, params.get(second));
        if (value == null || value.isBlank() || value.length() > 100) {
            throw Refusal.invalid(first, "Required: " + first + " or " + second + ".");
        }
        return value;
    }
}
