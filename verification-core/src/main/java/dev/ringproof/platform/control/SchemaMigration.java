package dev.ringproof.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Owns Ringproof's database: defines the application's datasource and brings its
 * schema up to date with Flyway before anything else starts (the startup beans that need the
 * schema depend on it by name).
 *
 * <p>The defaults are inline because Payara creates the resource before the
 * application's own microprofile-config.properties is read; environment variables
 * ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}, {@code DB_DATASOURCE_CLASS})
 * switch it to PostgreSQL without a rebuild. H2 runs with {@code WRITE_DELAY=0}: with its
 * default of 500 ms a {@code kill -9} lost the last commits (CrashRecoveryIT).
 *
 * <p>The default class is H2's plain driver, not its {@code JdbcDataSource}: that one is an
 * {@code XADataSource}, so Payara would run every message-driven transaction as a two-phase
 * commit across broker and database, and a {@code kill -9} between prepare and commit would
 * leave H2 holding the row locks of an in-doubt transaction that the transaction manager
 * cannot recover (an application-defined datasource does not exist yet when recovery runs).
 * Non-XA, as PostgreSQL's {@code PGSimpleDataSource} is, the database commits in one phase
 * last and a crash at worst redelivers a message, which every consumer shrugs off.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATASOURCE,
        className = "${MPCONFIG=db.datasource-class:org.h2.Driver}",
        url =
                "${MPCONFIG=db.url:jdbc:h2:file:./../lib/databases/ringproof;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=0}",
        user = "${MPCONFIG=db.user:ringproof}",
        password = "${MPCONFIG=db.password:ringproof}",
        minPoolSize = 2,
        maxPoolSize = 48,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.fail-all-connections=true",
            // every connection is the same user's: matching one to the request (Payara's default for a
            // datasource an application defines) copied the datasource's properties into hash maps on
            // every checkout, a twentieth of what a start allocated
            "fish.payara.match-connections=false",
            // each connection keeps its prepared statements: EclipseLink prepares every statement anew
            "fish.payara.statement-cache-size=200",
            // blank: the LRU cache (left out, Payara 6 reads the type as the class "null", payara/Payara#6647)
            "fish.payara.statement-cache-type= "
        })
@Singleton
@Startup
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/ringproof";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    private volatile boolean migrated;

    /** Flyway commits per migration itself, so it must run outside a container transaction. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        int applied = Migrations.on(dataSource).migrate();
        LOG.info(() -> "Database schema is current; migrations applied now: " + applied);
        migrated = true;
    }

    public boolean isMigrated() {
        return migrated;
    }
}
