package dev.ringproof.platform.boundary;

import dev.ringproof.platform.control.Messaging;
import dev.ringproof.platform.entity.OutboxMessage;
import jakarta.annotation.Resource;
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
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays outbox rows to the broker, at least once. The row stays until its consumer
 * deletes it, so what a crash or the broker lost is relayed again by the sweeper: rows
 * never relayed, and rows whose message fell due a while ago but was not consumed. The
 * embedded OpenMQ was seen to lose acknowledged persistent messages on kill -9
 * (CrashRecoveryIT). Every consumer is idempotent.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    /** Json.create… looks the provider up with a ServiceLoader on every call: slow on Payara's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    /** A message not consumed this long after it was relayed and fell due is relayed again. */
    static final Duration LEFT_BEHIND_AFTER = Duration.ofSeconds(20);

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Resource(lookup = Messaging.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Inject
    OutboxRows rows;

    @Inject
    Clock clock;

    public void relay(String id) {
        var message = em.find(OutboxMessage.class, id);
        if (message == null) {
            return;
        }
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            var queue = jms.createQueue(message.queue());
            long delay = Duration.between(OffsetDateTime.now(clock), message.deliverAt()).toMillis();
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setDeliveryDelay(Math.max(0, delay))
                    .send(queue, toMapMessage(jms, id, message.payload()));
        }
        rows.relayed(id);
    }

    /** Relays what a crash or a failed relay left behind. */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void sweep() {
        var before = OffsetDateTime.now(clock).minus(LEFT_BEHIND_AFTER);
        for (String id : em.createNamedQuery(OutboxMessage.LEFT_BEHIND, String.class)
                .setParameter("before", before).setMaxResults(500).getResultList()) {
            try {
                relay(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox relay failed, will retry: " + id, e);
                return;
            }
        }
    }

    private static MapMessage toMapMessage(JMSContext jms, String id, String payload) {
        var map = jms.createMapMessage();
        try (var reader = JSON.createReader(new StringReader(payload))) {
            map.setString(OutboxRows.ID_FIELD, id);
            for (var entry : reader.readObject().entrySet()) {
                JsonValue value = entry.getValue();
                if (value instanceof JsonString text) {
                    map.setString(entry.getKey(), text.getString());
                } else if (value instanceof JsonNumber number) {
                    map.setInt(entry.getKey(), number.intValueExact());
                } else {
                    map.setBoolean(entry.getKey(), value == JsonValue.TRUE);
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build the JMS message", e);
        }
        return map;
    }
}
