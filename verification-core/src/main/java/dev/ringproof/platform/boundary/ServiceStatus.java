package dev.ringproof.platform.boundary;

import dev.ringproof.platform.control.Messaging;
import dev.ringproof.platform.control.RunMode;
import dev.ringproof.platform.control.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Whether this node can serve: its schema is migrated and the database and the JMS
 * broker answer. Read by the readiness check, so a load balancer sends no traffic to a
 * node that would fail it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServiceStatus {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @EJB
    SchemaMigration schema;

    @EJB
    Messaging messaging;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Config config;

    public boolean schemaIsCurrent() {
        return schema.isMigrated();
    }

    public boolean databaseAnswers() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(DATABASE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    /** What {@link #databaseProduct()} says while the database does not answer. */
    public static final String UNKNOWN_PRODUCT = "unknown";

    /** The database product in use ("H2", "PostgreSQL"), or {@link #UNKNOWN_PRODUCT} while it does not answer. */
    public String databaseProduct() {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            return UNKNOWN_PRODUCT;
        }
    }

    /** Outbox messages that fell due over a minute ago and are still not consumed: a lasting number means trouble. */
    public long overdueOutboxMessages() {
        return em.createQuery("select count(m) from OutboxMessage m where m.deliverAt < :due", Long.class)
                .setParameter("due", OffsetDateTime.now(clock).minusMinutes(1))
                .getSingleResult();
    }

    /** {@code development} or {@code production}: an unknown mode never gets this far (ProductionGate). */
    public String mode() {
        return config.getOptionalValue(RunMode.KEY, String.class)
                .flatMap(RunMode::parse)
                .orElse(RunMode.DEVELOPMENT)
                .wireName();
    }

    public boolean brokerAnswers() {
        return messaging.brokerAnswers();
    }
}
