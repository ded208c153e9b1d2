package dev.ringproof.platform.control;

import dev.ringproof.platform.entity.OutboxMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts a JMS message into the outbox in the caller's transaction. A message due within
 * {@link #RELAY_AHEAD} is handed to the {@link RelayWorker} as soon as that transaction commits,
 * together with the transaction's other such messages; one due later (a fallback or expiry timer
 * minutes away) stays in the table until the relay's sweep finds it due soon, so the broker
 * holds only the next half-minute's timers. Sending to the broker inside the transaction was
 * tried first: with a non-XA database, a {@code kill -9} between the database commit and the
 * broker's commit lost the messages (CrashRecoveryIT).
 */
@Dependent
public class Outbox {

    /** How far ahead of its time a message goes to the broker (with the rest as its delivery delay). */
    public static final Duration RELAY_AHEAD = Duration.ofSeconds(30);

    /** Json.create… looks the provider up with a ServiceLoader on every call: slow on Payara's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The transaction-scoped list of messages to relay once it commits. */
    private static final Object TO_RELAY = Outbox.class.getName() + ".toRelay";

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    RelayWorker relay;

    @Inject
    Clock clock;

    /** Queues {@code fields} (String, Integer or Boolean values) for {@code queue}, delivered at {@code deliverAt}. */
    public void put(String queue, Map<String, Object> fields, OffsetDateTime deliverAt) {
        var payload = JSON.createObjectBuilder();
        fields.forEach((key, value) -> {
            if (value instanceof Integer number) {
                payload.add(key, number);
            } else if (value instanceof Boolean flag) {
                payload.add(key, flag);
            } else if (value != null) {
                payload.add(key, value.toString());
            }
        });
        var now = OffsetDateTime.now(clock);
        boolean soon = deliverAt.isBefore(now.plus(RELAY_AHEAD));
        // marked relayed as it is written: should the relay after commit not happen (a crash), the sweep
        // finds the row relayed but not consumed once it is overdue, as it would a message the broker lost
        var message =
                new OutboxMessage(Ids.next("ob"), queue, payload.build().toString(), deliverAt, now, soon ? now : null);
        em.persist(message);
        if (soon) {
            toRelayAfterCommit().add(message);
        }
    }

    @SuppressWarnings("unchecked")
    private List<OutboxMessage> toRelayAfterCommit() {
        var messages = (List<OutboxMessage>) transactions.getResource(TO_RELAY);
        if (messages == null) {
            List<OutboxMessage> batch = new ArrayList<>(2);
            transactions.putResource(TO_RELAY, batch);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing: the rows commit with the transaction
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.relayCommitted(batch);
                    }
                }
            });
            messages = batch;
        }
        return messages;
    }
}
