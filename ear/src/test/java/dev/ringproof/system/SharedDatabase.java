package dev.ringproof.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The suite's server's database when it is PostgreSQL (CI's second pass), reached the way the
 * server reaches it (its {@code DB_*} settings), so a test can read or change it behind the
 * server's back. On the embedded H2 the running server holds the file: no other connection.
 */
final class SharedDatabase {

    private SharedDatabase() {}

    static boolean isPostgres() {
        String url = System.getenv("DB_URL");
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    static Connection connect() throws SQLException {
        String user = System.getenv("DB_USER");
        String password = System.getenv("DB_PASSWORD");
        return DriverManager.getConnection(
                System.getenv("DB_URL"),
                user == null || user.isBlank() ? "postgres" : user,
                password == null ? "" : password);
    }
}
