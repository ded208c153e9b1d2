package dev.ringproof.bench.baseline;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The baseline's own table in Ringproof's database, created at deployment. Same database and
 * the same pool settings as Ringproof's datasource, so the two are measured on equal terms.
 */
@DataSourceDefinition(
        name = Rows.DATASOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password:}",
        minPoolSize = 2,
        maxPoolSize = 48,
        properties = {
            "fish.payara.match-connections=false",
            "fish.payara.statement-cache-size=200",
            "fish.payara.statement-cache-type= "
        })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Rows {

    public static final String DATASOURCE = "java:app/jdbc/baseline";

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @PostConstruct
    void createTable() {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            // A schema of its own: Ringproof's Flyway refuses a non-empty public schema it did not make.
            s.execute("create schema if not exists baseline");
            s.execute("create table if not exists baseline.baseline_row (id varchar(40) primary key, "
                    + "phone varchar(16) not null, created_at timestamp with time zone not null)");
        } catch (SQLException e) {
            throw new IllegalStateException("baseline table", e);
        }
    }
}
