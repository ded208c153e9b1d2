package dev.ringproof.platform.boundary;

import dev.ringproof.platform.control.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Adds to counters that many transactions share, in a short transaction of its own. On
 * PostgreSQL that transaction commits without waiting for its WAL to reach the disk
 * ({@code synchronous_commit} off for it alone): the counter's row is locked for the
 * statement, not for a flush, so starts and sends do not queue behind each other's
 * commits on it. A crash of the database may lose the last fraction of a second of such
 * counts, never anything else: the rest of the database stays as committed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CounterCommits {

    /** null until the first count asks; the database does not change under a running server. */
    private static volatile Boolean postgres;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    public void add(Runnable count) {
        if (isPostgres()) {
            em.createNativeQuery("set local synchronous_commit to off").executeUpdate();
        }
        count.run();
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try (var connection = dataSource.getConnection()) {
                known = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            } catch (SQLException e) {
                throw new IllegalStateException("the database does not answer", e);
            }
            postgres = known;
        }
        return known;
    }
}
