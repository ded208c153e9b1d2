package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What the suite's server keeps on disk, read while it is stopped: its database (the PostgreSQL
 * of {@code DB_URL}, or the embedded H2's file opened with the H2 the server runs), the embedded
 * broker's store and its logs.
 */
final class ServerAtRest {

    private final Path home = Path.of(System.getProperty("payara.home"));

    /** The rows of {@code tables} as text, one line a row. */
    String rows(List<String> tables) throws Exception {
        var rows = new StringBuilder();
        try (Connection c = database();
                var s = c.createStatement()) {
            for (String table : tables) {
                try (var result = s.executeQuery("select * from " + table)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        rows.append(table);
                        for (int i = 1; i <= columns; i++) {
                            rows.append(" | ").append(result.getString(i));
                        }
                        rows.append('\n');
                    }
                }
            }
        }
        return rows.toString();
    }

    /** Every "table.column" of a text type whose value holds {@code text}, from information_schema. */
    List<String> textColumnsHolding(String text) throws Exception {
        var found = new ArrayList<String>();
        var columns = new ArrayList<String[]>();
        try (Connection c = database();
                var s = c.createStatement()) {
            try (var rows = s.executeQuery("select table_name, column_name, data_type from information_schema.columns"
                    + " where table_schema = current_schema")) {
                while (rows.next()) {
                    String type = rows.getString(3).toLowerCase(Locale.ROOT);
                    if (type.contains("char") || type.contains("text") || type.contains("clob")) {
                        columns.add(new String[] {rows.getString(1), rows.getString(2)});
                    }
                }
            }
            assertThat(columns).as("text columns").hasSizeGreaterThan(20);
            for (String[] column : columns) {
                try (var p = c.prepareStatement(
                        "select count(*) from \"" + column[0] + "\" where \"" + column[1] + "\" like ?")) {
                    p.setString(1, "%" + text + "%");
                    try (var count = p.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every file of the embedded broker's store, as Latin-1 text (the messages are Java-serialized maps). */
    String brokerStore() throws IOException {
        return filesAsText(home.resolve("glassfish/domains/domain1/imq/instances"));
    }

    String logs() throws IOException {
        return filesAsText(home.resolve("glassfish/domains/domain1/logs"));
    }

    private static String filesAsText(Path dir) throws IOException {
        var text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    private Connection database() throws Exception {
        if (SharedDatabase.isPostgres()) {
            return SharedDatabase.connect();
        }
        Path file = home.resolve("glassfish/domains/domain1/lib/databases/ringproof");
        assertThat(file.resolveSibling("ringproof.mv.db"))
                .as("the embedded database's file")
                .exists();
        var h2 = new URLClassLoader(
                new URL[] {home.resolve("h2db/bin/h2.jar").toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        var driver = (Driver) Class.forName("org.h2.Driver", true, h2)
                .getDeclaredConstructor()
                .newInstance();
        var credentials = new Properties();
        credentials.setProperty("user", "ringproof");
        credentials.setProperty("password", "ringproof");
        return driver.connect(
                "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE", credentials);
    }
}
