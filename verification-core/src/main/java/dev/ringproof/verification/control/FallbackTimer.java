package dev.ringproof.verification.control;

import dev.ringproof.platform.control.Messaging;
import dev.ringproof.platform.control.Outbox;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Timers as persistent JMS messages with a delivery delay, put into the outbox of the
 * transaction that starts an attempt: they survive a crash and fire once, on whichever
 * node takes them (a duplicate relay finds its attempt no longer current and does nothing).
 */
@Dependent
public class FallbackTimer {

    public static final String KIND = "kind";
    public static final String VERIFICATION = "verification_id";
    public static final String ATTEMPT_SEQ = "attempt_seq";

    /** What a timer message is for. */
    public enum Kind {
        FALLBACK,
        EXPIRY
    }

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Moves the verification on from attempt {@code seq} after {@code delay}, if that is still its current one. */
    public void fallbackAfter(String verificationId, int seq, Duration delay) {
        send(Kind.FALLBACK, verificationId, seq, delay);
    }

    public void expireAfter(String verificationId, Duration delay) {
        send(Kind.EXPIRY, verificationId, 0, delay);
    }

    private void send(Kind kind, String verificationId, int seq, Duration delay) {
        outbox.put(
                Messaging.FALLBACK_QUEUE_NAME,
                Map.of(KIND, kind.name(), VERIFICATION, verificationId, ATTEMPT_SEQ, seq),
                OffsetDateTime.now(clock).plus(delay));
    }
}
