package dev.ringproof.webhook.control;

import dev.ringproof.platform.control.SchemaMigration;
import dev.ringproof.sealing.control.Seals;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** At every start, once the schema is current, seals the webhook secrets an earlier version stored in clear. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SecretSealing {

    private static final Logger LOG = Logger.getLogger(SecretSealing.class.getName());

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    Seals seals;

    /** Plain JDBC, each endpoint committed on its own: a start must not hold one long transaction. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sealClearSecrets() {
        try (var connection = dataSource.getConnection()) {
            int sealed = ClearWebhookSecrets.seal(connection, seals.webhookSecrets());
            if (sealed > 0) {
                LOG.info(() -> "Sealed the clear webhook secrets of " + sealed + " tenants");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal the clear webhook secrets", e);
        }
    }
}
