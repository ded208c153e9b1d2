package dev.ringproof.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Which database the service runs on, asked once it answers: the few statements that H2 and
 * PostgreSQL spell differently choose their spelling by it. The database does not change under a
 * running server.
 */
@ApplicationScoped
public class DatabaseProduct {

    /** null until the database first answered. */
    private volatile Boolean postgres;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /** True on PostgreSQL; false on H2, and while the database does not answer (asked again next time). */
    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try (var connection = dataSource.getConnection()) {
                known = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
                postgres = known;
            } catch (SQLException e) {
                return false;
            }
        }
        return known;
    }
}
