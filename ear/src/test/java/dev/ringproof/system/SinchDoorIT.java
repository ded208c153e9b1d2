package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Sinch Verification v1 door as a Sinch SDK drives it: plain HTTP in exactly Sinch's
 * shapes (no Sinch Java SDK is served here), HTTP Basic with the tenant's account SID and a
 * whole api key, against the real EAR and the sandbox handsets.
 */
@ExtendWith(ArquillianExtension.class)
class SinchDoorIT {

    private static final String VERIFICATIONS = "api/compat/sinch/verification/v1/verifications";
    private static final Pattern SIX_DIGITS = Pattern.compile("(\\d{6})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static boolean poolReady;

    private final Ringproof ringproof = new Ringproof();
    private Ringproof.Tenant tenant;
    private String accountSid;
    private Http sinch;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @BeforeEach
    void setUp() {
        if (!poolReady) {
            ringproof.londonPool();
            poolReady = true;
        }
        tenant = ringproof.tenant("Sinch door");
        accountSid = accountSidOf(tenant.id());
        sinch = Http.basic(accountSid, tenant.key());
    }

    @Test
    void flashCallArrivesFromACliTheFilterMatchesAndItsWholeCliReportedSucceeds() {
        String phone = Ringproof.mobile();
        String reference = "signup-" + RANDOM.nextInt(1_000_000);

        var answer = start(
                sinch,
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone + "\"},\"method\":\"flashCall\","
                        + "\"reference\":\"" + reference + "\",\"custom\":\"cart 42\","
                        + "\"flashCallOptions\":{\"dialTimeout\":17,\"interceptionTimeout\":23}}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        var started = Http.json(answer);
        var served = ServedDocument.fetch();
        served.assertDescribes("POST", "/" + VERIFICATIONS, answer);
        String id = started.getString("id");
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(started.getString("method")).isEqualTo("flashcall");
        var flashCall = started.getJsonObject("flashCall");
        assertThat(flashCall.getInt("interceptionTimeout")).isPositive();
        assertThat(flashCall.getInt("reportTimeout")).isGreaterThanOrEqualTo(flashCall.getInt("interceptionTimeout"));
        assertThat(flashCall.getInt("denyCallAfter")).isZero();
        var links = started.getJsonArray("_links");
        assertThat(links).hasSize(2);
        assertThat(links.getJsonObject(0).getString("rel")).isEqualTo("status");
        assertThat(links.getJsonObject(0).getString("method")).isEqualTo("GET");
        assertThat(links.getJsonObject(1).getString("rel")).isEqualTo("report");
        assertThat(links.getJsonObject(1).getString("method")).isEqualTo("PUT");
        assertThat(links.getJsonObject(0).getString("href")).endsWith("/" + VERIFICATIONS + "/id/" + id);
        assertThat(links.getJsonObject(1).getString("href")).endsWith("/" + VERIFICATIONS + "/id/" + id);

        String cli = callerOf(phone);
        assertThat(answer.body()).doesNotContain(cli);
        var filter = Pattern.compile(flashCall.getString("cliFilter"));
        assertThat(filter.matcher(cli).matches())
                .as(filter + " matches the call's " + cli)
                .isTrue();
        for (String other : List.of(
                cli + "0",
                cli.substring(0, cli.length() - 1),
                cli.substring(1),
                prefixChanged(cli),
                cli.substring(0, cli.length() - 1) + "x",
                "00" + cli.substring(1),
                "+1" + cli.substring(3))) {
            assertThat(filter.matcher(other).matches())
                    .as(filter + " refuses " + other)
                    .isFalse();
        }
        // any last four digits fit: the filter gives the prefix away, never the code
        assertThat(filter.matcher(cli.substring(0, cli.length() - 4) + "0000").matches())
                .isTrue();

        var reported = report(sinch, "id/" + id, "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"" + cli + "\"}}");

        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        var report = Http.json(reported);
        served.assertDescribes("PUT", "/" + VERIFICATIONS + "/id/" + id, reported);
        assertThat(report.getString("id")).isEqualTo(id);
        assertThat(report.getString("method")).isEqualTo("flashcall");
        assertThat(report.getString("status")).isEqualTo("SUCCESSFUL");

        var byIdAnswer = sinch.get(VERIFICATIONS + "/id/" + id);
        served.assertDescribes("GET", "/" + VERIFICATIONS + "/id/" + id, byIdAnswer);
        var byId = Http.json(byIdAnswer);
        assertThat(byId.getString("status")).isEqualTo("SUCCESSFUL");
        assertThat(byId.getString("method")).isEqualTo("flashcall");
        assertThat(byId.getString("reference")).isEqualTo(reference);
        assertThat(byId.getJsonObject("identity").getString("endpoint")).isEqualTo(phone);
        assertThat(byId.getString("countryId")).isEqualTo("GB");
        var byReference = Http.json(sinch.get(VERIFICATIONS + "/reference/" + reference));
        assertThat(byReference.getString("id")).isEqualTo(id);
        assertThat(byReference.getString("status")).isEqualTo("SUCCESSFUL");
        // the same verification, as the native API of the same key sees it
        var nativeView = Http.json(tenant.api().get("api/v1/verifications?reference=" + reference))
                .getJsonArray("items");
        assertThat(nativeView).hasSize(1);
        assertThat(nativeView.getJsonObject(0).getString("status")).isEqualTo("approved");
        assertThat(nativeView.getJsonObject(0).getString("phone")).isEqualTo(phone);
        assertThat(nativeView.getJsonObject(0).getJsonArray("workflow").getString(0))
                .isEqualTo("missed_call");
    }

    @Test
    void aWrongCliFailsTheReportAndTheRightOneStillSucceedsWhileChecksRemain() {
        String phone = Ringproof.mobile();
        String id = Http.json(start(sinch, flashCall(phone))).getString("id");
        String cli = callerOf(phone);

        for (String wrong : List.of(lastDigitChanged(cli), prefixChanged(cli))) {
            var reported =
                    report(sinch, "id/" + id, "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"" + wrong + "\"}}");
            assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
            assertThat(Http.json(reported).getString("status")).isEqualTo("FAIL");
            assertThat(Http.json(reported).getString("reason")).isEqualTo("Invalid CLI");
        }
        assertThat(Http.json(sinch.get(VERIFICATIONS + "/id/" + id)).getString("status"))
                .isEqualTo("PENDING");

        var right = report(sinch, "id/" + id, "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"" + cli + "\"}}");
        assertThat(Http.json(right).getString("status")).isEqualTo("SUCCESSFUL");
    }

    @Test
    void wrongClisUntilNoCheckIsLeftFailTheVerification() {
        String phone = Ringproof.mobile();
        String id = Http.json(start(sinch, flashCall(phone))).getString("id");
        String cli = callerOf(phone);
        String wrong = "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"" + lastDigitChanged(cli) + "\"}}";

        for (int i = 0; i < 5; i++) {
            assertThat(Http.json(report(sinch, "id/" + id, wrong)).getString("status"))
                    .isEqualTo("FAIL");
        }
        var status = Http.json(sinch.get(VERIFICATIONS + "/id/" + id));
        assertThat(status.getString("status")).isEqualTo("FAIL");
        assertThat(status.getString("reason")).isEqualTo("Invalid CLI");
        var late = report(sinch, "id/" + id, "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"" + cli + "\"}}");
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(Http.json(late).getString("status")).isEqualTo("FAIL");
    }

    @Test
    void smsCodeReportedByNumber() {
        String phone = Ringproof.mobile();
        var started = Http.json(
                start(sinch, "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone + "\"},\"method\":\"sms\"}"));
        assertThat(started.getString("method")).isEqualTo("sms");
        assertThat(started.containsKey("flashCall")).isFalse();
        var sms = ringproof.inboxWhen(phone, inbox -> !inbox.isEmpty()).getJsonObject(0);
        assertThat(sms.getString("type")).isEqualTo("sms");
        assertThat(sms.getString("text")).contains("Sinch door");
        Matcher code = SIX_DIGITS.matcher(sms.getString("text"));
        assertThat(code.find()).as(sms.toString()).isTrue();
        String wrong = code.group(1).equals("000000") ? "111111" : "000000";

        var failed = report(sinch, "number/" + phone, "{\"method\":\"sms\",\"sms\":{\"code\":\"" + wrong + "\"}}");
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
        assertThat(Http.json(failed).getString("status")).isEqualTo("FAIL");
        assertThat(Http.json(failed).getString("reason")).isEqualTo("Invalid code");
        var reported =
                report(sinch, "number/" + phone, "{\"method\":\"sms\",\"sms\":{\"code\":\"" + code.group(1) + "\"}}");

        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        assertThat(Http.json(reported).getString("id")).isEqualTo(started.getString("id"));
        assertThat(Http.json(reported).getString("status")).isEqualTo("SUCCESSFUL");
        var none =
                report(sinch, "number/" + phone, "{\"method\":\"sms\",\"sms\":{\"code\":\"" + code.group(1) + "\"}}");
        assertSinchError(none, 404, 40400);
    }

    @Test
    void calloutReadsTheCodeOutAndTheCodeReportedSucceeds() {
        String phone = Ringproof.mobile();
        var started = Http.json(start(
                sinch, "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone + "\"},\"method\":\"callout\"}"));
        assertThat(started.getString("method")).isEqualTo("callout");
        var voice = ringproof.inboxWhen(phone, inbox -> !inbox.isEmpty()).getJsonObject(0);
        assertThat(voice.getString("type")).isEqualTo("voice");
        String code = voice.getString("text")
                .replaceAll(".*code is ([0-9, ]+)\\..*", "$1")
                .replace(", ", "");

        var reported = report(
                sinch,
                "id/" + started.getString("id"),
                "{\"method\":\"callout\",\"callout\":{\"code\":\"" + code + "\"}}");

        assertThat(Http.json(reported).getString("status")).as(reported.body()).isEqualTo("SUCCESSFUL");
        assertThat(Http.json(sinch.get(VERIFICATIONS + "/id/" + started.getString("id")))
                        .getString("method"))
                .isEqualTo("callout");
    }

    @Test
    void unknownIdsReferencesAndNumbersAnswerSinchs404() {
        String randomHex = HexFormat.of().formatHex(randomBytes());
        for (var answer : List.of(
                sinch.get(VERIFICATIONS + "/id/" + randomHex),
                sinch.get(VERIFICATIONS + "/id/vf_notsinch"),
                sinch.get(VERIFICATIONS + "/reference/never-used-" + randomHex),
                report(sinch, "id/" + randomHex, "{\"method\":\"sms\",\"sms\":{\"code\":\"123456\"}}"),
                report(sinch, "number/" + Ringproof.mobile(), "{\"method\":\"sms\",\"sms\":{\"code\":\"123456\"}}"),
                sinch.get("api/compat/sinch/verification/v1/nothing-here"))) {
            assertSinchError(answer, 404, 40400);
        }
    }

    @Test
    void invalidNumbersAndBodiesAnswer40001AndStartNothing() {
        String phone = Ringproof.mobile();
        for (String body : List.of(
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"12\"},\"method\":\"sms\"}",
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"+44 not a number\"},\"method\":\"flashcall\"}",
                "{\"identity\":{\"type\":\"email\",\"endpoint\":\"" + phone + "\"},\"method\":\"sms\"}",
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone + "\"},\"method\":\"seamless\"}",
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone + "\"}}",
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone + "\"},\"method\":\"sms\","
                        + "\"flashCallOptions\":{\"interceptionTimeout\":20}}",
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone + "\"},\"method\":\"flashcall\","
                        + "\"flashCallOptions\":{\"interceptionTimeout\":\"soon\"}}",
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone + "\"},\"method\":\"sms\",\"price\":1}",
                "{\"method\":\"sms\"}",
                "[]",
                "{\"identity\":")) {
            assertSinchError(start(sinch, body), 400, 40001);
        }
        var unknownMethod = Http.json(start(
                sinch, "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone + "\"},\"method\":\"whatsapp\"}"));
        assertThat(unknownMethod.getString("message")).contains("method");
        assertThat(ringproof.inboxStays(phone, Duration.ofSeconds(2), List::isEmpty))
                .isEmpty();

        String id = Http.json(start(sinch, flashCall(phone))).getString("id");
        for (String body : List.of(
                "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"0207946\"}}",
                "{\"method\":\"flashcall\"}",
                "{\"method\":\"sms\",\"sms\":{\"code\":\"12ab\"}}",
                "{\"method\":\"voice\",\"voice\":{\"code\":\"1234\"}}")) {
            assertSinchError(report(sinch, "id/" + id, body), 400, 40001);
        }
        assertSinchError(report(sinch, "number/12", "{\"method\":\"sms\",\"sms\":{\"code\":\"123456\"}}"), 400, 40001);
        assertThat(Http.json(sinch.get(VERIFICATIONS + "/id/" + id)).getString("status"))
                .as("malformed reports use up no check")
                .isEqualTo("PENDING");
    }

    @Test
    void credentialsAreTheAccountSidAndAWholeKey() {
        String body = flashCall(Ringproof.mobile());
        for (var client : List.of(
                new Http(),
                Http.bearer(tenant.key()),
                Http.basic(accountSid, tenant.key() + "x"),
                Http.basic(accountSidOf(ringproof.tenant("Someone else").id()), tenant.key()))) {
            var answer = start(client, body);
            assertSinchError(answer, 401, 40100);
        }
        var signed = new Http()
                .send(
                        "POST",
                        VERIFICATIONS,
                        body,
                        "application/json; charset=utf-8",
                        "Authorization",
                        "Application " + accountSid + ":c2lnbmF0dXJl",
                        "x-timestamp",
                        java.time.Instant.now().toString());
        assertSinchError(signed, 401, 40100);
        assertThat(Http.json(signed).getString("message")).contains("HTTP Basic");
    }

    @Test
    void rateLimitedStartsAnswer42900WithRetryAfter() {
        var policy = ringproof.admin.postJson(
                "api/admin/v1/rate-limits",
                "{\"scope\":\"tenant\",\"tenant_id\":\"" + tenant.id() + "\",\"limit\":1,\"window_seconds\":60}");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(201);
        assertThat(start(sinch, flashCall(Ringproof.mobile())).statusCode()).isEqualTo(200);
        String phone = Ringproof.mobile();

        var refused = start(sinch, flashCall(phone));

        assertSinchError(refused, 429, 42900);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(ringproof.inboxStays(phone, Duration.ofSeconds(2), List::isEmpty))
                .isEmpty();
    }

    @Test
    void anotherTenantSeesNothingButWhatAnUnknownIdShows() {
        String phone = Ringproof.mobile();
        String reference = "mine-" + RANDOM.nextInt(1_000_000);
        String id = Http.json(start(
                        sinch,
                        "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone
                                + "\"},\"method\":\"flashcall\",\"reference\":\"" + reference + "\"}"))
                .getString("id");
        String cli = callerOf(phone);
        var other = ringproof.tenant("Other Sinch user");
        var intruder = Http.basic(accountSidOf(other.id()), other.key());

        var unknown = intruder.get(VERIFICATIONS + "/id/" + HexFormat.of().formatHex(randomBytes()));
        for (var answer : List.of(
                intruder.get(VERIFICATIONS + "/id/" + id),
                intruder.get(VERIFICATIONS + "/reference/" + reference),
                report(intruder, "id/" + id, "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"" + cli + "\"}}"),
                report(
                        intruder,
                        "number/" + phone,
                        "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"" + cli + "\"}}"))) {
            assertSinchError(answer, 404, 40400);
            assertThat(Http.json(answer).getString("message"))
                    .isEqualTo(Http.json(unknown).getString("message"));
        }
        assertThat(Http.json(sinch.get(VERIFICATIONS + "/id/" + id)).getString("status"))
                .isEqualTo("PENDING");
    }

    @Test
    void aTestKeyAndALiveKeySeeOnlyTheirOwnWorld() {
        var key = ringproof.admin.postJson(
                "api/admin/v1/tenants/" + tenant.id() + "/api-keys", "{\"label\":\"sinch test\",\"mode\":\"test\"}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        var test = Http.basic(accountSid, Http.json(key).getString("key"));
        String reference = "both-worlds-" + RANDOM.nextInt(1_000_000);
        String livePhone = Ringproof.mobile();
        String testPhone = Ringproof.mobile();
        String liveId = Http.json(start(sinch, flashCall(livePhone, reference))).getString("id");
        String testId = Http.json(start(test, flashCall(testPhone, reference))).getString("id");
        String testCli = callerOf(testPhone);

        assertSinchError(test.get(VERIFICATIONS + "/id/" + liveId), 404, 40400);
        assertSinchError(sinch.get(VERIFICATIONS + "/id/" + testId), 404, 40400);
        assertSinchError(
                report(
                        sinch,
                        "number/" + testPhone,
                        "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"" + testCli + "\"}}"),
                404,
                40400);
        assertThat(Http.json(test.get(VERIFICATIONS + "/reference/" + reference))
                        .getString("id"))
                .isEqualTo(testId);
        assertThat(Http.json(sinch.get(VERIFICATIONS + "/reference/" + reference))
                        .getString("id"))
                .isEqualTo(liveId);
        var reported = report(
                test, "number/" + testPhone, "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"" + testCli + "\"}}");
        assertThat(Http.json(reported).getString("status")).isEqualTo("SUCCESSFUL");
    }

    private static HttpResponse<String> start(Http client, String body) {
        return client.send("POST", VERIFICATIONS, body, "application/json; charset=utf-8");
    }

    private static HttpResponse<String> report(Http client, String target, String body) {
        return client.send("PUT", VERIFICATIONS + "/" + target, body, "application/json; charset=utf-8");
    }

    private static String flashCall(String phone) {
        return "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone + "\"},\"method\":\"flashcall\"}";
    }

    private static String flashCall(String phone, String reference) {
        return "{\"identity\":{\"type\":\"number\",\"endpoint\":\"" + phone + "\"},\"method\":\"flashcall\","
                + "\"reference\":\"" + reference + "\"}";
    }

    private static void assertSinchError(HttpResponse<String> answer, int status, int errorCode) {
        assertThat(answer.statusCode())
                .as(answer.request().method() + " " + answer.request().uri() + ": " + answer.body())
                .isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonObject error = Http.json(answer);
        assertThat(error.getInt("errorCode")).as(answer.body()).isEqualTo(errorCode);
        assertThat(error.getString("message"))
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("dev.ringproof");
        assertThat(error.getString("reference")).isNotBlank();
        assertThat(error.keySet()).containsExactlyInAnyOrder("errorCode", "message", "reference");
    }

    private String accountSidOf(String tenantId) {
        String sid = Http.json(ringproof.admin.get("api/admin/v1/tenants/" + tenantId))
                .getString("account_sid");
        assertThat(sid).matches("AC[0-9a-f]{32}");
        return sid;
    }

    private String callerOf(String phone) {
        var inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
        JsonObject call = inbox.getJsonObject(inbox.size() - 1);
        assertThat(call.getString("type")).isEqualTo("call");
        return call.getString("from");
    }

    private static String lastDigitChanged(String cli) {
        char last = cli.charAt(cli.length() - 1);
        return cli.substring(0, cli.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    /** The same last digits behind another prefix: the code alone does not prove the call. */
    private static String prefixChanged(String cli) {
        char digit = cli.charAt(cli.length() - 5);
        return cli.substring(0, cli.length() - 5)
                + (digit == '9' ? '0' : (char) (digit + 1))
                + cli.substring(cli.length() - 4);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
