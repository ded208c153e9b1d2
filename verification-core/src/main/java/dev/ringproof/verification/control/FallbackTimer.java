package dev.ringproof.verification.control;

import dev.ringproof.platform.control.Messaging;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;

/**
 * Timers as persistent JMS messages with a delivery delay, sent in the transaction that
 * starts an attempt: they survive a crash and fire once, on whichever node takes them.
 */
@Dependent
public class FallbackTimer {

    public static final String KIND = "kind";
    public static final String VERIFICATION = "verification_id";
    public static final String ATTEMPT_SEQ = "attempt_seq";

    /** What a timer message is for. */
    public enum Kind { FALLBACK, EXPIRY }

    @Inject
    @JMSConnectionFactory(Messaging.CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = Messaging.FALLBACK_QUEUE)
    Queue queue;

    /** Moves the verification on from attempt {@code seq} after {@code delay}, if that is still its current one. */
    public void fallbackAfter(String verificationId, int seq, Duration delay) {
        send(Kind.FALLBACK, verificationId, seq, delay);
    }

    public void expireAfter(String verificationId, Duration delay) {
        send(Kind.EXPIRY, verificationId, 0, delay);
    }

    private void send(Kind kind, String verificationId, int seq, Duration delay) {
        var message = jms.createMapMessage();
        try {
            message.setString(KIND, kind.name());
            message.setString(VERIFICATION, verificationId);
            message.setInt(ATTEMPT_SEQ, seq);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException("cannot write the timer message", e);
        }
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setDeliveryDelay(Math.max(0, delay.toMillis()))
                .send(queue, message);
    }
}
