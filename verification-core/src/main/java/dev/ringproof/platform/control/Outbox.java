package dev.ringproof.platform.control;

import dev.ringproof.platform.boundary.OutboxRelay;
import dev.ringproof.platform.entity.OutboxMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Puts a JMS message into the outbox in the caller's transaction and has it relayed as
 * soon as that transaction commits. Sending to the broker inside the transaction was
 * tried first: with a non-XA database, a {@code kill -9} between the database commit and
 * the broker's commit lost the messages (CrashRecoveryIT).
 */
@Dependent
public class Outbox {

    /** Json.create… looks the provider up with a ServiceLoader on every call: slow on Payara's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    @Inject
    OutboxRelay relay;

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
        var message = new OutboxMessage(Ids.next("ob"), queue, payload.build().toString(), deliverAt,
                OffsetDateTime.now(clock));
        em.persist(message);
        String id = message.id();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: the row commits with the transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    executor.execute(() -> relay.relay(id));
                }
            }
        });
    }
}
