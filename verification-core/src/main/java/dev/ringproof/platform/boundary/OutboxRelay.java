package dev.ringproof.platform.boundary;

import dev.ringproof.platform.control.Messaging;
import dev.ringproof.platform.control.Outbox;
import dev.ringproof.platform.entity.OutboxMessage;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays outbox rows to the broker, at least once. The row stays until its consumer
 * deletes it, so what a crash or the broker lost is relayed again by the sweep: rows whose
 * message fell due a while ago but was not consumed. The embedded OpenMQ was seen to lose
 * acknowledged persistent messages on kill -9 (CrashRecoveryIT). The sweep also relays the
 * rows kept back until they fall due soon (see {@link Outbox}). Every consumer is idempotent.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    /** A message not consumed this long after it was relayed and fell due is relayed again. */
    static final Duration LEFT_BEHIND_AFTER = Duration.ofSeconds(20);
    /** Rows per sweep query; a sweep goes on while it finds full batches, for up to {@link #SWEEP_TIME}. */
    static final int SWEEP_BATCH = 500;

    static final Duration SWEEP_TIME = Duration.ofMillis(800);

    @Resource(lookup = Messaging.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @EJB
    OutboxRows rows;

    @Inject
    Clock clock;

    /** Relays rows a transaction has just committed, already marked relayed; a failure is left to the sweep. */
    public void relay(List<OutboxMessage> messages) {
        var sent = send(messages);
        if (sent.size() < messages.size()) {
            LOG.warning(() -> (messages.size() - sent.size()) + " outbox messages not relayed; the sweep will");
        }
    }

    /**
     * Relays the rows that fall due soon and those left behind, each claimed first: every server of a
     * cluster sweeps, and none relays a row another is relaying (OutboxRows#claim). Every second, so
     * that the timers falling due go to the broker a second's worth at a time: every five seconds,
     * at 200 starts a second, each sweep sent a thousand persistent messages at once, and the
     * starts of the half-second after it took three times as long.
     */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    public void sweep() {
        long deadline = System.nanoTime() + SWEEP_TIME.toNanos();
        List<OutboxMessage> batch;
        do {
            var now = OffsetDateTime.now(clock);
            batch = rows.claim(now.plus(Outbox.RELAY_AHEAD), now.minus(LEFT_BEHIND_AFTER), SWEEP_BATCH);
            var sent = send(batch);
            if (sent.size() < batch.size()) {
                rows.unclaim(batch.stream()
                        .map(OutboxMessage::id)
                        .filter(id -> !sent.contains(id))
                        .toList());
                return;
            }
        } while (batch.size() == SWEEP_BATCH && System.nanoTime() < deadline);
    }

    /** Sends in order until one fails; the ids of those sent. */
    private List<String> send(List<OutboxMessage> messages) {
        List<String> sent = new ArrayList<>(messages.size());
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            var producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (var message : messages) {
                long delay = Duration.between(OffsetDateTime.now(clock), message.deliverAt())
                        .toMillis();
                producer.setDeliveryDelay(Math.max(0, delay))
                        .send(jms.createQueue(message.queue()), toMapMessage(jms, message));
                sent.add(message.id());
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Outbox relay failed after " + sent.size() + " of " + messages.size() + " messages, will retry",
                    e);
        }
        return sent;
    }

    private static MapMessage toMapMessage(JMSContext jms, OutboxMessage message) {
        var map = jms.createMapMessage();
        try {
            map.setString(OutboxRows.ID_FIELD, message.id());
            for (var field : message.fields().entrySet()) {
                if (field.getValue() instanceof Integer number) {
                    map.setInt(field.getKey(), number);
                } else if (field.getValue() instanceof Boolean flag) {
                    map.setBoolean(field.getKey(), flag);
                } else {
                    map.setString(field.getKey(), (String) field.getValue());
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build the JMS message", e);
        }
        return map;
    }
}
