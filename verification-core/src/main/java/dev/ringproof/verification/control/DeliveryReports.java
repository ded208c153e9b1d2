package dev.ringproof.verification.control;

import dev.ringproof.numberpool.boundary.PoolHealth;
import dev.ringproof.telephony.boundary.Delivery;
import dev.ringproof.telephony.boundary.DeliveryReport;
import dev.ringproof.verification.boundary.Verifications;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Hears telephony, in the transaction of the send: applies reports to the attempt and counts a
 * flash call's outcome against its caller number.
 * Application scoped: a dependent observer was created, with its two EJB proxies, per event.
 */
@ApplicationScoped
public class DeliveryReports {

    @EJB
    Verifications verifications;

    @EJB
    PoolHealth health;

    void onReport(@Observes DeliveryReport report) {
        verifications.deliveryReported(
                report.attemptId(), report.provider(), report.accepted(), report.providerReference(), report.reason());
        // after the verification's lock, as a check takes them: a check approving with this CLI meanwhile
        // and this report would otherwise each wait for the other's row
        if (report.callerNumber() != null) {
            health.callReported(
                    report.callerNumber(),
                    report.accepted(),
                    report.answered(),
                    report.outcome() == Delivery.Outcome.REFUSED);
        }
    }
}
