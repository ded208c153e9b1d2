package dev.ringproof.verification.control;

import dev.ringproof.telephony.boundary.DeliveryReport;
import dev.ringproof.verification.boundary.Verifications;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Hears telephony's reports, in the transaction of the send, and applies them to the attempt. */
@Dependent
public class DeliveryReports {

    @Inject
    Verifications verifications;

    void onReport(@Observes DeliveryReport report) {
        verifications.deliveryReported(report.attemptId(), report.provider(), report.accepted(), report.providerReference(),
                report.reason());
    }
}
