package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A known mix of traffic, priced, then billed: the billing CSV and JSON and the tenant's
 * own usage must match it line by line and to the last decimal. A price change between
 * attempts splits lines; test-key traffic never appears; exports repeat byte for byte.
 */
@ExtendWith(ArquillianExtension.class)
class UsageIT {

    private static final Pattern OTP = Pattern.compile("(\\d{6})");
    private static final String HEADER = "\"tenant_id\",\"tenant_name\",\"day\",\"channel\",\"country\","
            + "\"attempts\",\"approved\",\"unit_price\",\"amount\",\"currency\"";

    private final Ringproof ringproof = new Ringproof();
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();
    private final String month = today.substring(0, 7);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void reportsAddUpToTheTrafficExactlyInCsvJsonAndTheTenantsOwnView() {
        ringproof.londonPool();
        price("missed_call", "GB", "0.0050");
        price("sms", "*", "0.0400");
        price("voice", "GB", "0.0600");
        var a = ringproof.tenant("{\"name\":\"=HYPERLINK(\\\"x\\\")\"}", "live");
        var aTest = testKey(a.id());
        var b = ringproof.tenant(
                "{\"name\":\"Quick, Ltd\",\"fallback_after_seconds\":{\"missed_call\":1," + "\"sms\":1}}", "live");
        var c = ringproof.tenant("{\"name\":\"Only testing\"}", "test");

        approvedByMissedCall(a); // missed call at 0.0050, approved
        price("missed_call", "GB", "0.0070"); // later attempts cost more
        approvedBySms(a); // missed call 0.0070, SMS approved
        approvedOnVoiceWithTheSmsCode(a); // missed call, SMS, voice approved
        canceledAfterTheMissedCall(a); // missed call, not approved
        approvedByMissedCall(aTest); // test key: never billed
        approvedBySms(aTest);
        approvedByMissedCall(c);
        timersRunThroughToVoiceThenApproved(b); // 1 s fallbacks: call, SMS, voice

        String expectedA = HEADER + "\r\n"
                + line(a, "=HYPERLINK(\"x\")", "missed_call", 1, 1, "0.0050", "0.0050")
                + line(a, "=HYPERLINK(\"x\")", "missed_call", 3, 0, "0.0070", "0.0210")
                + line(a, "=HYPERLINK(\"x\")", "sms", 2, 1, "0.0400", "0.0800")
                + line(a, "=HYPERLINK(\"x\")", "voice", 1, 1, "0.0600", "0.0600");
        String expectedB = line(b, "Quick, Ltd", "missed_call", 1, 0, "0.0070", "0.0070")
                + line(b, "Quick, Ltd", "sms", 1, 0, "0.0400", "0.0400")
                + line(b, "Quick, Ltd", "voice", 1, 1, "0.0600", "0.0600");

        assertThat(csv("&tenant=" + a.id())).isEqualTo(expectedA);
        assertThat(expectedA).contains(",\"'=HYPERLINK(\"\"x\"\")\",");
        String all = csv("");
        assertThat(all)
                .startsWith(HEADER + "\r\n")
                .contains(expectedA.substring(HEADER.length() + 2))
                .contains(expectedB)
                .doesNotContain(c.id());
        assertThat(csv("")).as("the same period exported again").isEqualTo(all);

        var json = Http.json(billing("&tenant=" + b.id(), "application/json"));
        assertThat(json.getString("from")).isEqualTo(today);
        assertThat(json.getString("currency")).isEqualTo("EUR");
        assertThat(json.getString("total_amount")).isEqualTo("0.1070");
        assertThat(json.getJsonArray("lines").getValuesAs(JsonObject.class))
                .extracting(UsageIT::jsonLine)
                .containsExactly(expectedB.split("\r\n"));
        var jsonA = Http.json(billing("&tenant=" + a.id(), "application/json"));
        assertThat(jsonA.getString("total_amount")).isEqualTo("0.1660");
        assertThat(jsonA.getJsonArray("lines")).hasSize(4);

        var own = Http.json(a.api().get("api/v1/usage?from=" + today + "&to=" + today));
        assertThat(own.getString("currency")).isEqualTo("EUR");
        assertThat(own.getString("total_amount")).isEqualTo("0.1660");
        assertThat(own.getJsonArray("lines").getValuesAs(JsonObject.class))
                .extracting(l -> l.getString("channel")
                        + " " + l.getString("country") + " " + l.getInt("attempts") + " " + l.getInt("approved") + " "
                        + l.getString("amount"))
                .containsExactly("missed_call GB 4 1 0.0260", "sms GB 2 1 0.0800", "voice GB 1 1 0.0600");
        var testOnly = Http.json(c.api().get("api/v1/usage?from=" + today + "&to=" + today));
        assertThat(testOnly.getJsonArray("lines")).isEmpty();
        assertThat(testOnly.getString("total_amount")).isEqualTo("0.0000");

        monthlySummariesOfTheSameMix(a, b, c);
    }

    /**
     * The month of the mix in numbers. a: 4 billed verifications, 3 approved (on missed call, SMS,
     * voice), 0.1660 in all; as SMS only, 4 × 0.0400 = 0.1600, so the fallbacks cost 0.0060 more.
     * b: one verification through to voice, 0.1070 against one SMS. c's test traffic: nothing.
     */
    private void monthlySummariesOfTheSameMix(Ringproof.Tenant a, Ringproof.Tenant b, Ringproof.Tenant c) {
        String expectedA = a.id() + " 4 3 0.7500 | missed_call 4 1 0.2500 | sms 2 1 0.5000 | voice 1 1 1.0000"
                + " | 0.1660 0.0553 0.1600 -0.0060";
        var billed = Http.json(summary("&tenant=" + a.id(), "application/json"));
        assertThat(billed.getString("month")).isEqualTo(month);
        assertThat(billed.getString("currency")).isEqualTo("EUR");
        assertThat(billed.getJsonArray("tenants").getValuesAs(JsonObject.class))
                .extracting(UsageIT::summaryLine)
                .containsExactly(expectedA);
        assertThat(billed.getJsonArray("tenants").getJsonObject(0).getString("tenant_name"))
                .isEqualTo("=HYPERLINK(\"x\")");
        assertThat(Http.json(summary("", "application/json"))
                        .getJsonArray("tenants")
                        .getValuesAs(JsonObject.class))
                .extracting(UsageIT::summaryLine)
                .contains(
                        expectedA,
                        b.id() + " 1 1 1.0000 | missed_call 1 0 0.0000"
                                + " | sms 1 0 0.0000 | voice 1 1 1.0000 | 0.1070 0.1070 0.0400 -0.0670")
                .noneMatch(line -> line.startsWith(c.id()));

        var csv = summary("&tenant=" + a.id(), "text/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body())
                .isEqualTo(Stream.of(
                                        "tenant_id",
                                        "tenant_name",
                                        "month",
                                        "verifications_started",
                                        "verifications_approved",
                                        "conversion_rate",
                                        "missed_call_reached",
                                        "missed_call_approved",
                                        "missed_call_conversion_rate",
                                        "sms_reached",
                                        "sms_approved",
                                        "sms_conversion_rate",
                                        "voice_reached",
                                        "voice_approved",
                                        "voice_conversion_rate",
                                        "cost",
                                        "cost_per_approved",
                                        "sms_only_cost",
                                        "saving",
                                        "currency")
                                .map(UsageIT::quoted)
                                .collect(Collectors.joining(","))
                        + "\r\n"
                        + quoted(a.id()) + ",\"'=HYPERLINK(\"\"x\"\")\"," + quoted(month)
                        + ",4,3,0.7500,4,1,0.2500,2,1,0.5000,1,1,1.0000,0.1660,0.0553,0.1600,-0.0060,\"EUR\"\r\n");

        var own = Http.json(a.api().get("api/v1/usage/summary?month=" + month));
        assertThat(own.getString("month")).isEqualTo(month);
        assertThat(summaryLine(own)).isEqualTo(expectedA);
        var none = Http.json(c.api().get("api/v1/usage/summary?month=" + month));
        assertThat(summaryLine(none))
                .isEqualTo(c.id() + " 0 0 null | missed_call 0 0 null | sms 0 0 null"
                        + " | voice 0 0 null | 0.0000 null 0.0000 0.0000");
    }

    @Test
    void aClosedPeriodExportsByteIdenticallyAndBadPeriodsAreRefused() {
        var first = billing("", "text/csv", "2026-01-01", "2026-01-31");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(billing("", "text/csv", "2026-01-01", "2026-01-31").body()).isEqualTo(first.body());

        for (String[] bad : List.of(
                new String[] {"2026-11-30", "2026-11-01"},
                new String[] {"2026-01-01", "2027-01-02"},
                new String[] {"2026-11-31", "2026-12-01"},
                new String[] {"yesterday", "2026-12-01"},
                new String[] {"", "2026-12-01"})) {
            var refused = billing("", "text/csv", bad[0], bad[1]);
            assertThat(refused.statusCode()).as(Arrays.toString(bad)).isEqualTo(400);
            assertThat(Http.json(refused).getString("code")).isEqualTo("invalid_request");
        }
        assertThat(ringproof.admin.get("api/billing/v1/usage?to=2026-11-30").statusCode())
                .isEqualTo(400);
        assertThat(billing("&tenant=tn_nobody", "application/json", "2026-11-01", "2026-11-30")
                        .statusCode())
                .isEqualTo(404);

        assertThat(ringproof
                        .admin
                        .send("GET", "api/billing/v1/summary?month=2026-01", null, null, "Accept", "text/csv")
                        .body())
                .isEqualTo(ringproof
                        .admin
                        .send("GET", "api/billing/v1/summary?month=2026-01", null, null, "Accept", "text/csv")
                        .body());
        var tenant = ringproof.tenant("Summary Ltd");
        for (String bad : List.of("2026-13", "2026-1", "2026-11-01", "nov", "%20", "")) {
            for (var refused : List.of(
                    ringproof.admin.get("api/billing/v1/summary?month=" + bad),
                    tenant.api().get("api/v1/usage/summary?month=" + bad))) {
                assertThat(refused.statusCode()).as(bad + " " + refused.body()).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                        .startsWith("application/problem+json");
                assertThat(Http.json(refused).getJsonArray("errors").toString()).contains("month");
            }
        }
        assertThat(ringproof.admin.get("api/billing/v1/summary").statusCode()).isEqualTo(400);
        assertThat(tenant.api().get("api/v1/usage/summary").statusCode()).isEqualTo(400);
        assertThat(ringproof
                        .admin
                        .get("api/billing/v1/summary?month=2026-11&tenant=tn_nobody")
                        .statusCode())
                .isEqualTo(404);
        assertThat(tenant.api().get("api/billing/v1/summary?month=2026-11").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aBillingUserReadsReportsButNotTheAdminApiAndPricesAreStrict() {
        String name = "billing" + System.nanoTime();
        var created = ringproof.admin.postJson(
                "api/admin/v1/users",
                "{\"username\":\"" + name + "\",\"password\":\"a-long-billing-pw\",\"roles\":[\"billing\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password").doesNotContain("a-long-billing-pw");
        var listed = ringproof.admin.get("api/admin/v1/users");
        assertThat(listed.body()).contains("\"" + name + "\"").doesNotContain("password");
        assertThat(ringproof
                        .admin
                        .postJson(
                                "api/admin/v1/users",
                                "{\"username\":\"short" + System.nanoTime()
                                        + "\",\"password\":\"11-chars-pw\",\"roles\":[\"billing\"]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(ringproof
                        .admin
                        .postJson(
                                "api/admin/v1/users",
                                "{\"username\":\"" + name
                                        + "\",\"password\":\"a-long-billing-pw\",\"roles\":[\"billing\"]}")
                        .statusCode())
                .isEqualTo(400);

        var billingUser = Http.basic(name, "a-long-billing-pw");
        assertThat(billingUser
                        .get("api/billing/v1/usage?from=" + today + "&to=" + today)
                        .statusCode())
                .isEqualTo(200);
        assertThat(billingUser.get("api/billing/v1/summary?month=" + month).statusCode())
                .isEqualTo(200);
        var forbidden = billingUser.get("api/admin/v1/tenants");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(Http.json(forbidden).getString("code")).isEqualTo("forbidden");
        assertThat(billingUser
                        .postJson(
                                "api/admin/v1/prices",
                                "{\"channel\":\"sms\",\"country\":\"GB\","
                                        + "\"unit_price\":\"9.0000\",\"currency\":\"EUR\"}")
                        .statusCode())
                .isEqualTo(403);
        var tenant = ringproof.tenant("Nosy");
        assertThat(tenant.api()
                        .get("api/billing/v1/usage?from=" + today + "&to=" + today)
                        .statusCode())
                .isEqualTo(401);

        var asNumber = ringproof.admin.postJson(
                "api/admin/v1/prices",
                "{\"channel\":\"sms\",\"country\":\"GB\"," + "\"unit_price\":0.04,\"currency\":\"EUR\"}");
        assertThat(asNumber.statusCode()).isEqualTo(400);
        assertThat(Http.json(asNumber).getJsonArray("errors").toString()).contains("unit_price");
        assertThat(ringproof.admin.get("api/admin/v1/prices").statusCode()).isEqualTo(200);
    }

    private void approvedByMissedCall(Ringproof.Tenant tenant) {
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        String cli =
                ringproof.inboxWhen(phone, m -> m.size() >= 1).getJsonObject(0).getString("from");
        assertApproved(Ringproof.check(tenant, id, cli.substring(cli.length() - 4)));
    }

    private void approvedBySms(Ringproof.Tenant tenant) {
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        ringproof.inboxWhen(phone, m -> m.size() >= 1);
        next(tenant, id);
        var sms = ringproof.inboxWhen(phone, m -> m.size() >= 2).getJsonObject(1);
        assertApproved(Ringproof.check(tenant, id, otp(sms)));
    }

    private void approvedOnVoiceWithTheSmsCode(Ringproof.Tenant tenant) {
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        ringproof.inboxWhen(phone, m -> m.size() >= 1);
        next(tenant, id);
        var sms = ringproof.inboxWhen(phone, m -> m.size() >= 2).getJsonObject(1);
        next(tenant, id);
        assertThat(ringproof.inboxWhen(phone, m -> m.size() >= 3)).hasSize(3);
        assertApproved(Ringproof.check(tenant, id, otp(sms)));
    }

    private void canceledAfterTheMissedCall(Ringproof.Tenant tenant) {
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        assertThat(ringproof.inboxWhen(phone, m -> m.size() >= 1)).hasSize(1);
        assertThat(tenant.api()
                        .postJson("api/v1/verifications/" + id + "/cancel", "{}")
                        .statusCode())
                .isEqualTo(200);
    }

    private void timersRunThroughToVoiceThenApproved(Ringproof.Tenant tenant) {
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        var inbox = ringproof.inboxWhen(phone, m -> m.size() >= 3);
        assertThat(inbox).hasSize(3);
        assertApproved(Ringproof.check(tenant, id, otp(inbox.getJsonObject(1))));
    }

    private static void next(Ringproof.Tenant tenant, String id) {
        var moved = tenant.api().postJson("api/v1/verifications/" + id + "/next", "{}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }

    private static void assertApproved(HttpResponse<String> checked) {
        assertThat(Http.json(checked).getString("status")).as(checked.body()).isEqualTo("approved");
    }

    private static String otp(JsonObject message) {
        var matcher = OTP.matcher(message.getString("text"));
        assertThat(matcher.find()).as("a code in " + message).isTrue();
        return matcher.group(1);
    }

    private void price(String channel, String country, String unitPrice) {
        var set = ringproof.admin.postJson(
                "api/admin/v1/prices",
                "{\"channel\":\"" + channel + "\",\"country\":\"" + country + "\",\"unit_price\":\"" + unitPrice
                        + "\",\"currency\":\"EUR\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
        assertThat(Http.json(set).getString("unit_price")).isEqualTo(unitPrice);
    }

    private Ringproof.Tenant testKey(String tenantId) {
        var key = ringproof.admin.postJson(
                "api/admin/v1/tenants/" + tenantId + "/api-keys", "{\"label\":\"tests\",\"mode\":\"test\"}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        String token = Http.json(key).getString("key");
        return new Ringproof.Tenant(tenantId, token, Http.bearer(token));
    }

    /** A CSV line as billing expects it, with the tenant name quoted and made inert as needed. */
    private String line(
            Ringproof.Tenant tenant,
            String name,
            String channel,
            int attempts,
            int approved,
            String unitPrice,
            String amount) {
        // text quoted, a formula made inert with a leading quote; numbers bare
        String cell = "\"" + (name.startsWith("=") ? "'" + name : name).replace("\"", "\"\"") + "\"";
        return String.join(
                        ",",
                        quoted(tenant.id()),
                        cell,
                        quoted(today),
                        quoted(channel),
                        quoted("GB"),
                        String.valueOf(attempts),
                        String.valueOf(approved),
                        unitPrice,
                        amount,
                        quoted("EUR"))
                + "\r\n";
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String jsonLine(JsonObject l) {
        return String.join(
                ",",
                quoted(l.getString("tenant_id")),
                quoted(l.getString("tenant_name")),
                quoted(l.getString("day")),
                quoted(l.getString("channel")),
                quoted(l.getString("country")),
                String.valueOf(l.getInt("attempts")),
                String.valueOf(l.getInt("approved")),
                l.getString("unit_price"),
                l.getString("amount"),
                quoted(l.getString("currency")));
    }

    /** A summary as "tenant started approved rate | channel reached approved rate … | cost per-approved sms-only saving". */
    private static String summaryLine(JsonObject s) {
        var line = new StringBuilder(s.getString("tenant_id") + " " + s.getInt("verifications_started") + " "
                + s.getInt("verifications_approved") + " "
                + s.get("conversion_rate").toString().replace("\"", ""));
        for (var channel : s.getJsonArray("channels").getValuesAs(JsonObject.class)) {
            line.append(" | ")
                    .append(channel.getString("channel"))
                    .append(' ')
                    .append(channel.getInt("reached"))
                    .append(' ')
                    .append(channel.getInt("approved"))
                    .append(' ')
                    .append(channel.get("conversion_rate").toString().replace("\"", ""));
        }
        for (String money : List.of("cost", "cost_per_approved", "sms_only_cost", "saving")) {
            line.append(money.equals("cost") ? " | " : " ")
                    .append(s.get(money).toString().replace("\"", ""));
        }
        return line.toString();
    }

    private HttpResponse<String> summary(String query, String accept) {
        var response = ringproof.admin.send(
                "GET", "api/billing/v1/summary?month=" + month + query, null, null, "Accept", accept);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private String csv(String query) {
        var response = billing(query, "text/csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> billing(String query, String accept) {
        return billing(query, accept, today, today);
    }

    private HttpResponse<String> billing(String query, String accept, String from, String to) {
        return ringproof.admin.send(
                "GET", "api/billing/v1/usage?from=" + from + "&to=" + to + query, null, null, "Accept", accept);
    }
}
