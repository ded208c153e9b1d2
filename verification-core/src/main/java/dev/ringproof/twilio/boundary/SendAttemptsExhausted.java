package dev.ringproof.twilio.boundary;

import dev.ringproof.platform.boundary.Refusal;
import jakarta.ejb.ApplicationException;

/** A pending verification has had all the sends Twilio allows it; a new one starts after it ends. */
@ApplicationException(rollback = true)
public class SendAttemptsExhausted extends Refusal {

    private static final long serialVersionUID = 1L;

    public SendAttemptsExhausted() {
        super(Reason.RATE_LIMITED, "Max send attempts reached.");
    }
}
