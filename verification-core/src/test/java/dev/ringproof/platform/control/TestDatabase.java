package dev.ringproof.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away database for persistence tests: a private in-memory H2 in PostgreSQL mode
 * (as the server runs it), or, when {@code DB_URL} names a PostgreSQL server, a private
 * schema there that {@link #drop()} removes again.
 */
public final class TestDatabase {

    /**
     * The JUnit tag of every test that uses a TestDatabase: the PostgreSQL pass of .ci/run runs
     * these unit tests alone, as only they can differ there (DatabaseTestsTagged checks the tag).
     */
    public static final String TAG = "database";

    private final DataSource dataSource;
    private final String schema;
    private final String kind;

    private TestDatabase(DataSource dataSource, String schema, String kind) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.kind = kind;
    }

    /** The databases a persistence test runs on: H2 always, PostgreSQL when {@code DB_URL} names one. */
    public static java.util.stream.Stream<TestDatabase> all() {
        var postgres = postgresOrNull();
        return postgres == null ? java.util.stream.Stream.of(h2()) : java.util.stream.Stream.of(h2(), postgres);
    }

    public static TestDatabase h2() {
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:test-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setUser("ringproof");
        h2.setPassword("");
        return new TestDatabase(h2, null, "H2");
    }

    /** The PostgreSQL of {@code DB_URL}, or null when none is configured. */
    public static TestDatabase postgresOrNull() {
        String url = System.getenv("DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return null;
        }
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        var admin = postgres(url, null);
        try (Connection c = admin.getConnection();
                var s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema in " + url, e);
        }
        return new TestDatabase(postgres(url, schema), schema, "PostgreSQL");
    }

    private static PGSimpleDataSource postgres(String url, String schema) {
        var pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(envOr("DB_USER", "postgres"));
        pg.setPassword(envOr("DB_PASSWORD", ""));
        if (schema != null) {
            pg.setCurrentSchema(schema);
        }
        return pg;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public void drop() throws SQLException {
        try (Connection c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute(schema == null ? "shutdown" : "drop schema " + schema + " cascade");
        }
    }

    @Override
    public String toString() {
        return kind;
    }
}
