package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Codes and caller numbers are not at rest in clear on their way to the carrier: after a
 * missed call and an SMS went out, the test stops the server and reads the outbox and
 * outbound tables (H2's file with the server's own H2, or the PostgreSQL of {@code DB_URL})
 * and the broker's message store, which keeps the bytes of consumed messages; then starts it
 * again and checks that the codes the handsets got are the right ones.
 * Answers that carry a secret must not be cached.
 */
@ExtendWith(ArquillianExtension.class)
class SecretsAtRestIT {

    private static final String OUTBOUND_QUEUE = "RingproofOutbound";
    private static final Pattern OTP = Pattern.compile("(\\d{6})");

    private final Ringproof ringproof = new Ringproof();
    private final PayaraProcess server = new PayaraProcess();
    private final Path home = Path.of(System.getProperty("payara.home"));

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void neitherTheCodeNorTheCallerNumberIsStoredInClearOnTheWayToTheCarrier() throws Exception {
        ringproof.londonPool();
        var calls = ringproof.tenant("{\"name\":\"Sealed calls\",\"workflow\":[\"missed_call\"]}", "live");
        var texts = ringproof.tenant("{\"name\":\"Sealed texts\",\"workflow\":[\"sms\"]}", "live");
        String callPhone = Ringproof.mobile();
        String smsPhone = Ringproof.mobile();

        var call = Http.json(Ringproof.start(calls, callPhone));
        var sms = Http.json(Ringproof.start(texts, smsPhone));
        String cli = lastOf(callPhone, "call").getString("from");
        String text = lastOf(smsPhone, "sms").getString("text");
        String atRest;
        String brokerStore;
        try {
            server.stop();
            atRest = outboxAndOutboundRows();
            brokerStore = brokerStore();
        } finally {
            if (!serverUp()) {
                server.start();
            }
        }
        // the tenants of both sends show that the rows were really read
        assertThat(atRest).as("both sends are recorded").contains(calls.id()).contains(texts.id());
        // a start's first send may leave without crossing the broker (the relay hands it over right after
        // the commit), so the store need not hold these two; what it holds must not be in clear either
        assertThat(brokerStore).as("the broker's store was read").isNotEmpty();

        var otp = OTP.matcher(text);
        assertThat(otp.find()).as("a code in " + text).isTrue();
        String code = otp.group(1);
        String cliDigits = cli.substring(1);
        assertThat(atRest)
                .as("outbox and outbound rows")
                .doesNotContain(cliDigits)
                .doesNotContain(text)
                .doesNotContainPattern("(?<![0-9A-Za-z])" + code + "(?![0-9A-Za-z])");
        assertThat(brokerStore)
                .as("the broker's store")
                .doesNotContain(cliDigits)
                .doesNotContain(text);
        assertThat(serverLogs()).as("the server logs").doesNotContain(cliDigits).doesNotContain(text);

        var smsChecked = Ringproof.check(texts, sms.getString("id"), code);
        assertThat(Http.json(smsChecked).getBoolean("valid"))
                .as(smsChecked.body())
                .isTrue();
        var callChecked = Ringproof.check(calls, call.getString("id"), cli.substring(cli.length() - 4));
        assertThat(Http.json(callChecked).getBoolean("valid"))
                .as(callChecked.body())
                .isTrue();
    }

    @Test
    void answersThatCarryASecretAreNotCached() {
        var receiver = "http://127.0.0.1:9/hook";
        var created = ringproof.admin.postJson(
                "api/admin/v1/tenants",
                "{\"name\":\"Uncached\",\"webhook_url\":\"" + receiver + "\",\"webhook_allow_private\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(created).getString("webhook_secret")).startsWith("whsec_");
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String id = Http.json(created).getString("id");

        var patched = ringproof.admin.send(
                "PATCH",
                "api/admin/v1/tenants/" + id,
                "{\"webhook_url\":\"http://127.0.0.1:9/other\"}",
                "application/json");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(Http.json(patched).getString("webhook_secret")).startsWith("whsec_");
        assertThat(patched.headers().firstValue("Cache-Control")).hasValue("no-store");

        var rotated = ringproof.admin.postJson("api/admin/v1/tenants/" + id + "/webhook/secret", "");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.headers().firstValue("Cache-Control")).hasValue("no-store");

        var key = ringproof.admin.postJson("api/admin/v1/tenants/" + id + "/api-keys", "{\"mode\":\"test\"}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        assertThat(Http.json(key).getString("key")).startsWith("rp_test_");
        assertThat(key.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private JsonObject lastOf(String phone, String type) {
        var inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
        assertThat(inbox).as("the inbox of " + phone).isNotEmpty();
        var last = inbox.getJsonObject(inbox.size() - 1);
        assertThat(last.getString("type")).isEqualTo(type);
        return last;
    }

    /** The outbox and outbound_send tables as text, read while the server is down. */
    private String outboxAndOutboundRows() throws Exception {
        var rows = new StringBuilder();
        try (Connection c = database();
                var s = c.createStatement()) {
            for (String table : List.of("outbox_message", "outbound_send")) {
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

    /** Every file of the embedded broker's store, as Latin-1 text (the messages are Java-serialized maps). */
    private String brokerStore() throws IOException {
        Path store = home.resolve("glassfish/domains/domain1/imq/instances");
        var text = new StringBuilder();
        try (Stream<Path> files = Files.walk(store)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    private String serverLogs() throws IOException {
        var text = new StringBuilder();
        try (Stream<Path> files = Files.list(home.resolve("glassfish/domains/domain1/logs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    private boolean serverUp() {
        try {
            return new Http().get("health/ready").statusCode() == 200;
        } catch (RuntimeException down) {
            return false;
        }
    }
}
