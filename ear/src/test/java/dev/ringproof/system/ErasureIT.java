package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Erasure of a phone number (docs/api.md, POST /api/admin/v1/erasures): after verifications by
 * SMS with a webhook, the number is erased; then, with the server stopped, every text column of
 * every table (information_schema) is searched for its digits, with or without the {@code +}:
 * none. The billing report is the same, byte for byte, and the audit trail holds the erasure
 * with the number masked.
 */
@ExtendWith(ArquillianExtension.class)
class ErasureIT {

    private static final String ERASURES = "api/admin/v1/erasures";

    private final Ringproof ringproof = new Ringproof();
    private final PayaraProcess server = new PayaraProcess();
    private final Path home = Path.of(System.getProperty("payara.home"));

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void anErasedNumberIsInNoTableAndBillingStaysTheSame() throws Exception {
        var tenant = ringproof.tenant(
                "{\"name\":\"Erasure Co\",\"workflow\":[\"sms\"],"
                        + "\"webhook_url\":\"http://127.0.0.1:9/erasure\",\"webhook_allow_private\":true}",
                "live");
        String phone = Ringproof.mobile();
        String digits = phone.substring(1);
        var started = tenant.api()
                .postJson(
                        "api/v1/verifications",
                        "{\"phone\":\"" + phone + "\",\"reference\":\"customer " + digits + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = Http.json(started).getString("id");
        ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
        assertThat(tenant.api()
                        .postJson("api/v1/verifications/" + id + "/cancel", "{}")
                        .statusCode())
                .isEqualTo(200);
        String usage = "api/billing/v1/usage?from=" + LocalDate.now(ZoneOffset.UTC) + "&to="
                + LocalDate.now(ZoneOffset.UTC) + "&tenant=" + tenant.id();
        var billedBefore = ringproof.admin.send("GET", usage, null, null, "Accept", "text/csv");
        assertThat(billedBefore.body()).contains(tenant.id());

        var refused = ringproof.admin.postJson(ERASURES, "{\"phone\":\"" + phone + "\",\"tenant\":\"tn_nobody\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ringproof
                        .admin
                        .postJson(ERASURES, "{\"phone\":\"not a number\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(tenant.api().get("api/v1/verifications/" + id).body()).contains(phone);

        var erased = ringproof.admin.postJson(ERASURES, "{\"phone\":\"" + phone + "\"}");

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(erased.body()).doesNotContain(digits);
        assertThat(Http.json(erased).getJsonObject("rows").getInt("verification"))
                .isEqualTo(1);
        assertThat(tenant.api().get("api/v1/verifications/" + id).body()).doesNotContain(digits);
        var billedAfter = ringproof.admin.send("GET", usage, null, null, "Accept", "text/csv");
        assertThat(billedAfter.body()).isEqualTo(billedBefore.body());
        var audit = Http.json(ringproof.admin.get("api/admin/v1/audit?action=phone.erase&limit=100"));
        assertThat(audit.getJsonArray("items").toString())
                .contains(Http.json(erased).getString("phone"))
                .doesNotContain(digits);

        List<String> found;
        try {
            server.stop();
            found = textColumnsHolding(digits);
        } finally {
            if (!serverUp()) {
                server.start();
            }
        }
        assertThat(found)
                .as("text columns holding " + phone + " after its erasure")
                .isEmpty();
    }

    /** Every "table.column" of a text type whose value holds {@code text}, read while the server is down. */
    private List<String> textColumnsHolding(String text) throws Exception {
        var found = new ArrayList<String>();
        var columns = new ArrayList<String[]>();
        try (Connection c = database();
                var s = c.createStatement()) {
            try (var rows = s.executeQuery("select table_name, column_name, data_type from information_schema.columns"
                    + " where table_schema = current_schema")) {
                while (rows.next()) {
                    String type = rows.getString(3).toLowerCase(java.util.Locale.ROOT);
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

    /** The PostgreSQL of DB_URL, or the embedded H2's file opened with the H2 the server runs. */
    private Connection database() throws Exception {
        String url = System.getenv("DB_URL");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            String user = System.getenv("DB_USER");
            String password = System.getenv("DB_PASSWORD");
            return DriverManager.getConnection(
                    url, user == null || user.isBlank() ? "postgres" : user, password == null ? "" : password);
        }
        Path file = home.resolve("glassfish/domains/domain1/lib/databases/ringproof");
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

    private boolean serverUp() {
        try {
            return new Http().get("health/ready").statusCode() == 200;
        } catch (RuntimeException down) {
            return false;
        }
    }
}
