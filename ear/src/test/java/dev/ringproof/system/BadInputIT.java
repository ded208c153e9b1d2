package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A table of bad inputs (the categories of hostile input in docs/testing.md) against the real server: each gets the
 * right 4xx problem+json with its code, no internals, and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {

    static final String PHONE = Ringproof.mobile();
    static final String JSON = "application/json";

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    /** One bad request: what is sent, and the status and code it must get. */
    record Case(
            String name,
            String method,
            String path,
            byte[] body,
            String contentType,
            int status,
            String code,
            String... headers) {

        static Case start(String name, String body, int status, String code, String... headers) {
            return new Case(name, "POST", "api/v1/verifications", utf8(body), JSON, status, code, headers);
        }
    }

    @Test
    void everyBadInputGetsItsProblemAndChangesNothing() {
        var london = ringproof.londonPool();
        String inLondon = Http.json(ringproof.admin.get("api/admin/v1/pools/" + london.getString("id") + "/numbers"))
                .getJsonArray("ranges")
                .getJsonObject(0)
                .getString("from");
        var tenant = ringproof.tenant("{\"name\":\"Careful\",\"allowed_countries\":[\"GB\",\"US\",\"DE\"]}", "live");
        String verification =
                Http.json(Ringproof.start(tenant, Ringproof.mobile())).getString("id");
        String checkPath = "api/v1/verifications/" + verification + "/check";
        var pool = Http.json(ringproof.admin.postJson("api/admin/v1/pools", "{\"name\":\"P\",\"country\":\"GB\"}"));
        String numbersPath = "api/admin/v1/pools/" + pool.getString("id") + "/numbers";

        List<Case> tenantCases = List.of(
                Case.start("empty phone", "{\"phone\":\"\"}", 400, "invalid_phone"),
                Case.start("plus alone", "{\"phone\":\"+\"}", 400, "invalid_phone"),
                Case.start("no plus", "{\"phone\":\"447400999001\"}", 400, "invalid_phone"),
                Case.start("too long", "{\"phone\":\"+4474009990011234567\"}", 400, "invalid_phone"),
                Case.start("unassigned country code", "{\"phone\":\"+99912345678\"}", 400, "invalid_phone"),
                Case.start("tel URI", "{\"phone\":\"tel:+447400999001\"}", 400, "invalid_phone"),
                Case.start("sip URI", "{\"phone\":\"sip:+447400999001@example.com\"}", 400, "invalid_phone"),
                Case.start("extension", "{\"phone\":\"+44 7400 999001 ext. 12\"}", 400, "invalid_phone"),
                Case.start("vanity letters", "{\"phone\":\"+44 7400 FLOWER\"}", 400, "invalid_phone"),
                Case.start("emergency number", "{\"phone\":\"112\"}", 400, "invalid_phone"),
                Case.start("short code", "{\"phone\":\"+4481\"}", 400, "invalid_phone"),
                Case.start("SQL in phone", "{\"phone\":\"+44' OR '1'='1\"}", 400, "invalid_phone"),
                Case.start("phone as JSON number", "{\"phone\":447400999001}", 400, "invalid_request"),
                Case.start("phone as array", "{\"phone\":[\"+447400999001\"]}", 400, "invalid_request"),
                Case.start("phone as object", "{\"phone\":{\"e164\":\"+447400999001\"}}", 400, "invalid_request"),
                Case.start("phone null", "{\"phone\":null}", 400, "invalid_request"),
                Case.start("zero-width space", "{\"phone\":\"+44\u200b7400999001\"}", 400, "invalid_request"),
                Case.start("bidi override", "{\"phone\":\"\u202e+447400999001\"}", 400, "invalid_request"),
                Case.start("byte order mark", "{\"phone\":\"\ufeff+447400999001\"}", 400, "invalid_request"),
                Case.start("premium rate", "{\"phone\":\"+19005551234\"}", 403, "fraud_blocked"),
                Case.start("country not allowed", "{\"phone\":\"+33612345678\"}", 403, "country_not_permitted"),
                Case.start(
                        "fixed line for missed call and SMS only",
                        "{\"phone\":\"+4930123456\",\"channels\":[\"missed_call\",\"sms\"]}",
                        422,
                        "unsupported_number_type"),
                Case.start("unknown field", "{\"phone\":\"" + PHONE + "\",\"admin\":true}", 400, "invalid_request"),
                Case.start(
                        "duplicate keys",
                        "{\"phone\":\"+447400999002\",\"phone\":\"" + PHONE + "\"}",
                        400,
                        "invalid_request"),
                Case.start(
                        "deeply nested",
                        "{\"phone\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                        400,
                        "invalid_request"),
                Case.start("not JSON", "phone=" + PHONE, 400, "invalid_request"),
                Case.start("JSON array", "[\"" + PHONE + "\"]", 400, "invalid_request"),
                Case.start(
                        "unknown channel",
                        "{\"phone\":\"" + PHONE + "\",\"channels\":[\"fax\"]}",
                        400,
                        "invalid_request"),
                Case.start(
                        "channel twice",
                        "{\"phone\":\"" + PHONE + "\",\"channels\":[\"sms\",\"sms\"]}",
                        400,
                        "invalid_request"),
                Case.start(
                        "client_ip a host name",
                        "{\"phone\":\"" + PHONE + "\",\"client_ip\":\"example.com\"}",
                        400,
                        "invalid_request"),
                Case.start(
                        "reference too long",
                        "{\"phone\":\"" + PHONE + "\",\"reference\":\"" + "x".repeat(201) + "\"}",
                        400,
                        "invalid_request"),
                Case.start("megabyte string", "{\"phone\":\"" + "9".repeat(1 << 20) + "\"}", 413, "payload_too_large"),
                Case.start(
                        "Idempotency-Key too long",
                        "{\"phone\":\"" + PHONE + "\"}",
                        400,
                        "invalid_request",
                        "Idempotency-Key",
                        "k".repeat(256)),
                new Case(
                        "XML body",
                        "POST",
                        "api/v1/verifications",
                        utf8("<phone>" + PHONE + "</phone>"),
                        "application/xml",
                        415,
                        "unsupported_media_type"),
                new Case(
                        "no content type",
                        "POST",
                        "api/v1/verifications",
                        utf8("{\"phone\":\"" + PHONE + "\"}"),
                        null,
                        415,
                        "unsupported_media_type"),
                new Case(
                        "invalid UTF-8",
                        "POST",
                        "api/v1/verifications",
                        new byte[] {'{', '"', 'p', 'h', 'o', 'n', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                        },
                        JSON,
                        400,
                        "invalid_request"),
                new Case("code as number", "POST", checkPath, utf8("{\"code\":1234}"), JSON, 400, "invalid_request"),
                new Case(
                        "codes as array",
                        "POST",
                        checkPath,
                        utf8("{\"code\":[\"1234\",\"5678\"]}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "code with space",
                        "POST",
                        checkPath,
                        utf8("{\"code\":\"12 34\"}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "JNDI lookup as code",
                        "POST",
                        checkPath,
                        utf8("{\"code\":\"${jndi:ldap://x/a}\"}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case("wrong method", "DELETE", "api/v1/verifications", null, null, 405, "method_not_allowed"));
        List<Case> adminCases = List.of(
                new Case(
                        "tenant without name",
                        "POST",
                        "api/admin/v1/tenants",
                        utf8("{\"name\":\"\"}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "code length 3",
                        "POST",
                        "api/admin/v1/tenants",
                        utf8("{\"name\":\"a\",\"code_length\":3}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "fallback 0 s",
                        "POST",
                        "api/admin/v1/tenants",
                        utf8("{\"name\":\"a\",\"fallback_after_seconds\":{\"sms\":0}}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "unknown country",
                        "POST",
                        "api/admin/v1/tenants",
                        utf8("{\"name\":\"a\",\"allowed_countries\":[\"XX\"]}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "plain http webhook",
                        "POST",
                        "api/admin/v1/tenants",
                        utf8("{\"name\":\"a\",\"webhook_url\":\"http://example.com/hook\"}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "pool in no country",
                        "POST",
                        "api/admin/v1/pools",
                        utf8("{\"name\":\"a\",\"country\":\"ZZ\"}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "range backwards",
                        "POST",
                        numbersPath,
                        utf8("{\"ranges\":[{\"from\":\"+442079460099\",\"to\":\"+442079460000\"}]}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "number of another country",
                        "POST",
                        numbersPath,
                        utf8("{\"numbers\":[\"+33612345678\"]}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "a number in another pool",
                        "POST",
                        numbersPath,
                        utf8("{\"numbers\":[\"+442038880001\",\"" + inLondon + "\"]}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "ranges that overlap each other",
                        "POST",
                        numbersPath,
                        utf8("{\"ranges\":[{\"from\":\"+442038880100\",\"to\":\"+442038880199\"},"
                                + "{\"from\":\"+442038880150\",\"to\":\"+442038880250\"}]}"),
                        JSON,
                        400,
                        "invalid_request"),
                new Case(
                        "paging not a number", "GET", numbersPath + "?limit=lots", null, null, 400, "invalid_request"));

        var soft = new SoftAssertions();
        for (Case c : tenantCases) {
            verify(soft, tenant.api(), c);
        }
        for (Case c : adminCases) {
            verify(soft, ringproof.admin, c);
        }
        soft.assertAll();

        ringproof.inboxStays(PHONE, Duration.ofSeconds(1), JsonArray::isEmpty);
        assertThat(billedMissedCalls(tenant))
                .as("only the one good start was billed a missed call")
                .isEqualTo(1);
        assertThat(Http.json(tenant.api().get("api/v1/verifications/" + verification))
                        .getInt("remaining_checks"))
                .as("malformed codes use up no check")
                .isEqualTo(5);
        assertThat(Http.jsonArray(ringproof.admin.get("api/admin/v1/tenants?q=a&limit=500")).stream()
                        .filter(t -> t.asJsonObject().getString("name").equals("a")))
                .as("no tenant was created")
                .isEmpty();
        assertThat(Http.json(ringproof.admin.get("api/admin/v1/pools/" + pool.getString("id")))
                        .getInt("size"))
                .isZero();
    }

    /**
     * The missed calls billed to the tenant today, once its good start's is (a send is billed
     * just after it is made), all of them in GB: a bad start that got through would add one.
     */
    private static int billedMissedCalls(Ringproof.Tenant tenant) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var lines = Eventually.until(
                "the good start's missed call billed",
                Duration.ofSeconds(30),
                () -> Http.json(tenant.api().get("api/v1/usage?from=" + today + "&to=" + today))
                        .getJsonArray("lines")
                        .getValuesAs(JsonObject.class),
                billed -> billed.stream().anyMatch(l -> l.getString("channel").equals("missed_call")));
        assertThat(lines).extracting(l -> l.getString("country")).containsOnly("GB");
        return lines.stream()
                .filter(l -> l.getString("channel").equals("missed_call"))
                .mapToInt(l -> l.getInt("attempts"))
                .sum();
    }

    private static void verify(SoftAssertions soft, Http client, Case c) {
        var response = client.sendBytes(c.method(), c.path(), c.body(), c.contentType(), c.headers());
        soft.assertThat(response.statusCode())
                .as(c.name() + ": " + response.body())
                .isEqualTo(c.status());
        soft.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(c.name() + " content type")
                .startsWith("application/problem+json");
        if (response.body().startsWith("{")) {
            soft.assertThat(Http.json(response).getString("code", ""))
                    .as(c.name() + " code")
                    .isEqualTo(c.code());
        }
        soft.assertThat(response.body())
                .as(c.name() + " leaks nothing internal")
                .doesNotContain("dev.ringproof")
                .doesNotContain("Exception")
                .doesNotContain("SQL")
                .doesNotContain("jakarta.")
                .doesNotContain(".java");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
