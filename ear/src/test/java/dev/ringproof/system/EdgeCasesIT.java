package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Edges an attacker probes, through the real server: per-IP limits for IPv6 clients, billing
 * CSV opened with other separators, JSON with trailing content or lone surrogates, requests the
 * HTTP layer refuses before the application, and webhook targets where the operator's setting
 * and the tenant's flag disagree (this suite's server runs with WEBHOOK_ALLOW_PRIVATE_TARGETS=true).
 */
@ExtendWith(ArquillianExtension.class)
class EdgeCasesIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String POLICIES = "api/admin/v1/rate-limits";

    private final Ringproof ringproof = new Ringproof();
    private final List<String> policies = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @AfterEach
    void deletePolicies() {
        policies.forEach(id -> ringproof.admin.send("DELETE", POLICIES + "/" + id, null, null));
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64AndIpv4ClientsPerAddress() {
        var tenant = ringproof.tenant("Per network");
        String policy = policy(
                "{\"scope\":\"ip\",\"tenant_id\":\"" + tenant.id() + "\",\"limit\":2," + "\"window_seconds\":60}");
        String network = "2001:db8:" + Integer.toHexString(RANDOM.nextInt(0xffff)) + ":"
                + Integer.toHexString(RANDOM.nextInt(0xffff)) + ":";

        assertThat(startFrom(tenant, network + ":1").statusCode()).isEqualTo(201);
        assertThat(startFrom(tenant, network + "a:b:c:d").statusCode()).isEqualTo(201);
        var third = startFrom(tenant, network + "ffff:ffff:ffff:fffe");
        assertThat(third.statusCode()).as("a third address of the same /64").isEqualTo(429);
        assertThat(Http.json(third).getString("code")).isEqualTo("rate_limited");
        assertThat(third.headers().firstValue("RateLimit-Policy").orElseThrow()).contains(policy);
        assertThat(startFrom(tenant, "2001:db8:1234:5678::1").statusCode())
                .as("another /64")
                .isEqualTo(201);

        String ipv4 = "198.51.100." + (1 + RANDOM.nextInt(250));
        String neighbour = "198.51.100." + (ipv4.endsWith(".251") ? 252 : 251);
        assertThat(startFrom(tenant, ipv4).statusCode()).isEqualTo(201);
        assertThat(startFrom(tenant, ipv4).statusCode()).isEqualTo(201);
        assertThat(startFrom(tenant, neighbour).statusCode())
                .as("IPv4 counts each address")
                .isEqualTo(201);
        assertThat(startFrom(tenant, ipv4).statusCode()).isEqualTo(429);
    }

    @Test
    void billingCsvStartsNoFormulaWhateverTheSeparatorAndNamesRoundTrip() {
        String name = ";=1+1|@SUM(A1), -2";
        var tenant = ringproof.tenant("{\"name\":" + jsonString(name) + "}", "live");
        assertThat(Ringproof.start(tenant, Ringproof.mobile()).statusCode()).isEqualTo(201);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        String query = "api/billing/v1/usage?from=" + today + "&to=" + today + "&tenant=" + tenant.id();
        // the send is billed when it is made, just after the start
        var csv = Eventually.until(
                "the billed send in the CSV",
                Duration.ofSeconds(30),
                () -> ringproof.admin.send("GET", query, null, null, "Accept", "text/csv"),
                answer -> records(answer.body(), CSVFormat.DEFAULT).size() >= 2);

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        var records = records(csv.body(), CSVFormat.DEFAULT);
        assertThat(records).as(csv.body()).hasSizeGreaterThan(1);
        assertThat(records.get(1).get(1)).isEqualTo(";'=1+1|'@SUM(A1), '-2");
        for (char separator : new char[] {',', ';', '|'}) {
            for (boolean quotes : new boolean[] {true, false}) {
                var format = CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(separator)
                        .setQuote(quotes ? '"' : null)
                        .setTrailingData(true)
                        .setLenientEof(true)
                        .get();
                for (CSVRecord record : records(csv.body(), format)) {
                    for (String cell : record) {
                        String start = cell.replaceFirst("^[\" ]+", "");
                        assertThat(start.isEmpty() || isNumber(start) || "=+-@\t\r".indexOf(start.charAt(0)) < 0)
                                .as("'%s' split on '%s'", cell, separator)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void tenantNamesWithLineBreaksOrControlCharactersAreRefused() {
        for (String name : List.of("Acme\u2028=1+1", "Acme\u2029", "Acme\tLtd", "Acme\r\n=1")) {
            var refused = ringproof.admin.postJson("api/admin/v1/tenants", "{\"name\":" + jsonString(name) + "}");
            assertThat(refused.statusCode()).as(name).isEqualTo(400);
            assertThat(Http.json(refused).getString("code")).isEqualTo("invalid_request");
            assertThat(Http.json(refused)
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("field"))
                    .isEqualTo("name");
        }
        var tenant = ringproof.tenant("Renamed");
        var renamed = ringproof.admin.send(
                "PATCH", "api/admin/v1/tenants/" + tenant.id(), "{\"name\":\"A\\u2028B\"}", "application/json");
        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(Http.json(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id()))
                        .getString("name"))
                .isEqualTo("Renamed");
    }

    @Test
    void jsonWithContentAfterTheObjectOrALoneSurrogateIsRefusedAndChangesNothing() {
        var tenant = ringproof.tenant("Strict JSON");
        String phone = Ringproof.mobile();
        for (String body : List.of(
                "{\"phone\":\"" + phone + "\"} {\"x\":1}",
                "{\"phone\":\"" + phone + "\"}{}",
                "{\"phone\":\"" + phone + "\"} x",
                "{\"phone\":\"" + phone + "\",\"reference\":\"\\ud800\"}",
                "{\"phone\":\"" + phone + "\",\"reference\":\"a\\udc00b\"}")) {
            var refused = tenant.api().postJson("api/v1/verifications", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Http.json(refused).getString("code")).isEqualTo("invalid_request");
        }
        assertThat(ringproof.inbox(phone)).as("nothing was sent").isEmpty();
        var refused = ringproof.admin.postJson("api/admin/v1/tenants", "{\"name\":\"\\ud83d\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        var paired = Ringproof.start(tenant, Ringproof.mobile());
        assertThat(paired.statusCode()).isEqualTo(201);
    }

    /**
     * A body on a GET and header bytes outside visible ASCII are refused by the server's HTTP
     * parser (Grizzly) before any servlet runs: an empty 400 the application cannot shape.
     * What it must not do is name the server or let the request through.
     */
    @Test
    void theHttpLayerRefusesAGetWithABodyAndNonAsciiHeaderBytesWithoutNamingItself() {
        String answer = raw("GET /api/v1/verifications/vf_x HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nIdempotency-Key: clé-\u00e9\r\n"
                + "Connection: close\r\n\r\n{}");

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer.toLowerCase())
                .doesNotContain("payara")
                .doesNotContain("glassfish")
                .doesNotContain("grizzly");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body.isEmpty() || answer.contains("application/problem+json"))
                .as(answer)
                .isTrue();
    }

    @Test
    void aTenantsFlagOffRefusesPrivateTargetsWhileTheOperatorAllowsThem() throws IOException {
        try (var receiver = new WebhookReceiver()) {
            var refused = ringproof.admin.postJson(
                    "api/admin/v1/tenants", "{\"name\":\"Flag off\",\"webhook_url\":\"" + receiver.url() + "\"}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(field(refused)).isEqualTo("webhook_url");

            var tenant = ringproof.tenant(
                    "{\"name\":\"Flag on, then off\",\"webhook_url\":\"" + receiver.url()
                            + "\",\"webhook_allow_private\":true}",
                    "live");
            var switchedOff = ringproof.admin.send(
                    "PATCH",
                    "api/admin/v1/tenants/" + tenant.id(),
                    "{\"webhook_allow_private\":false}",
                    "application/json");
            assertThat(switchedOff.statusCode()).as(switchedOff.body()).isEqualTo(200);
            String id = Http.json(Ringproof.start(tenant, Ringproof.mobile())).getString("id");
            tenant.api().postJson("api/v1/verifications/" + id + "/cancel", "{}");

            var errors = awaitDeliveryErrors(tenant);
            assertThat(errors).anyMatch(e -> e.startsWith("target refused"));
            assertThat(receiver.received())
                    .as("nothing reached the private receiver")
                    .isEmpty();
        }
    }

    @Test
    void plainHttpToAPublicHostAndSpecialPurposeTargetsAreRefusedEvenWithBothSwitchesOn() {
        for (String url : List.of(
                "http://93.184.215.14/hook",
                "http://[2606:4700:4700::1111]/hook",
                "https://198.18.0.1/hook",
                "https://[64:ff9b::7f00:1]/hook",
                "https://[::ffff:169.254.169.254]/x",
                "https://[2002:7f00:1::1]/hook",
                "https://240.0.0.1/hook",
                "https://169.254.169.254/latest")) {
            var refused = ringproof.admin.postJson(
                    "api/admin/v1/tenants",
                    "{\"name\":\"Both on\",\"webhook_url\":\"" + url + "\",\"webhook_allow_private\":true}");
            assertThat(refused.statusCode()).as(url + " " + refused.body()).isEqualTo(400);
            assertThat(field(refused)).isEqualTo("webhook_url");
        }
        var http = ringproof.admin.postJson(
                "api/admin/v1/tenants",
                "{\"name\":\"Both on\",\"webhook_url\":"
                        + "\"http://93.184.215.14/hook\",\"webhook_allow_private\":true}");
        assertThat(Http.json(http).getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("https");
    }

    private List<String> awaitDeliveryErrors(Ringproof.Tenant tenant) {
        return Eventually.until(
                "a delivery error of " + tenant.id(),
                Duration.ofSeconds(30),
                () -> Http.jsonArray(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id() + "/webhook/deliveries"))
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .map(d -> d.getString("error", ""))
                        .filter(e -> !e.isEmpty())
                        .toList(),
                errors -> !errors.isEmpty());
    }

    private static String field(HttpResponse<String> response) {
        return Http.json(response).getJsonArray("errors").getJsonObject(0).getString("field");
    }

    private HttpResponse<String> startFrom(Ringproof.Tenant tenant, String ip) {
        return tenant.api()
                .postJson(
                        "api/v1/verifications",
                        "{\"phone\":\"" + Ringproof.mobile() + "\",\"client_ip\":\"" + ip + "\"}");
    }

    private String policy(String json) {
        var answer = ringproof.admin.postJson(POLICIES, json);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String id = Http.json(answer).getString("id");
        policies.add(id);
        return id;
    }

    /** What the server answers to these bytes (the request line and headers as UTF-8), as text. */
    private static String raw(String request) {
        try (var socket = new Socket(Http.BASE.getHost(), Http.BASE.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonString(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<CSVRecord> records(String csv, CSVFormat format) {
        try (var parser = format.parse(new StringReader(csv))) {
            return new ArrayList<>(parser.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
