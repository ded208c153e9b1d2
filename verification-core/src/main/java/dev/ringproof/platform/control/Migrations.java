package dev.ringproof.platform.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one Flyway configuration, shared by the server and the persistence tests, so the
 * tests migrate H2 and PostgreSQL exactly as the deployment does.
 */
public final class Migrations {

    private final Flyway flyway;

    private Migrations(Flyway flyway) {
        this.flyway = flyway;
    }

    public static Migrations on(DataSource dataSource) {
        return new Migrations(Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .javaMigrations(new V23__AuditTrail())
                .load());
    }

    /** Applies what is pending and answers how many migrations that was. */
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    public String currentVersion() {
        var current = flyway.info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    public int pendingCount() {
        return flyway.info().pending().length;
    }
}
