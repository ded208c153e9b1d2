package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.system.FakeCarriers.Mode;
import dev.ringproof.system.FakeCarriers.Received;
import dev.ringproof.telephony.sip.Sipp;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real telephony as ear/pom.xml routes it: SMS to FR over carrier_a then carrier_b, to DE over
 * carrier_c then carrier_d, to ES over carrier_d (all FakeCarriers); missed calls to FR over
 * the SIP trunk (sipp). Every other country stays on the sandbox.
 */
@ExtendWith(ArquillianExtension.class)
class TelephonyIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CODE = Pattern.compile("(\\d{6})");
    private static final int SIP_TRUNK_PORT = 15060;

    private final Ringproof ringproof = new Ringproof();
    private final FakeCarriers carriers = new FakeCarriers();

    @TempDir
    Path work;

    TelephonyIT() throws IOException {}

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @AfterEach
    void stop() {
        carriers.close();
    }

    @Test
    void aDeadCarrierOpensItsCircuitAndTheNextOneDeliversTheCodeThatApproves() {
        carriers.mode("a", Mode.FAIL_503);
        var tenant = ringproof.tenant("{\"name\":\"Failover\",\"workflow\":[\"sms\",\"voice\"]}", "live");
        String id = null;
        Received sms = null;
        for (int i = 0; i < 5; i++) {
            String phone = "+3361" + digits(7);
            var started = Ringproof.start(tenant, phone);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            id = Http.json(started).getString("id");
            var received = carriers.toWhen(phone, r -> !r.isEmpty());
            assertThat(received).extracting(Received::account).containsExactly("b");
            sms = received.get(0);
        }
        assertThat(carriers.failedRequestsOf("a"))
                .as("open after 3 failures: later sends skip it")
                .isEqualTo(3);
        var providers = Http.jsonArray(ringproof.admin.get("api/admin/v1/providers"));
        var a = providers.stream()
                .map(JsonObject.class::cast)
                .filter(p -> p.getString("name").equals("carrier_a"))
                .findFirst()
                .orElseThrow();
        assertThat(a.getString("circuit")).isEqualTo("open");
        assertThat(a.getJsonNumber("error_rate").doubleValue()).isEqualTo(1.0);

        var checked = Http.json(Ringproof.check(tenant, id, code(sms.form().get("Body"))));
        assertThat(checked.getString("status")).isEqualTo("approved");
        assertThat(consolePage("admin/providers/index.xhtml")).contains("carrier_a", "open", "100 %");
    }

    @Test
    void aCarrierThatTookTheSmsButAnsweredTooLateIsNotFollowedByAnotherSms() {
        carriers.mode("c", Mode.DELIVER_THEN_STALL);
        var tenant = ringproof.tenant("{\"name\":\"Ambiguous\",\"workflow\":[\"sms\",\"voice\"]}", "live");
        String phone = "+49151" + digits(8);
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");

        // refused as "may have gone out": the verification moves on to voice (the sandbox) at once
        var inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
        assertThat(inbox).hasSize(1);
        assertThat(inbox.getJsonObject(0).getString("type")).isEqualTo("voice");
        var stalled = carriers.toWhen(phone, r -> !r.isEmpty());
        assertThat(stalled).extracting(Received::account).containsExactly("c");
        var verification = Http.json(tenant.api().get("api/v1/verifications/" + id));
        assertThat(verification.getString("channel")).isEqualTo("voice");
        assertThat(verification.getJsonArray("attempts").getJsonObject(0).getString("status"))
                .isEqualTo("failed");
        // the stalled answer comes back: still one SMS, from c only
        assertThat(Eventually.stays(
                        "one SMS to " + phone,
                        Duration.ofSeconds(3),
                        () -> carriers.to(phone),
                        sent -> sent.size() == 1))
                .hasSize(1);
    }

    @Test
    void aSignedStatusCallbackMarksTheAttemptDelivered() {
        var tenant = ringproof.tenant("{\"name\":\"Callback\",\"workflow\":[\"sms\",\"voice\"]}", "live");
        String phone = "+346" + digits(8);
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        var sms = carriers.toWhen(phone, r -> !r.isEmpty()).get(0);
        String callback = sms.form().get("StatusCallback");
        assertThat(callback).isEqualTo("http://localhost:8080/api/carrier/v1/status/carrier_d");
        assertThat(attemptStatusWhen(tenant, id, "sent")).isEqualTo("sent");

        Map<String, String> params = Map.of("MessageSid", sms.sid(), "MessageStatus", "delivered", "AccountSid", "ACd");
        String path = "api/carrier/v1/status/carrier_d";
        assertThat(callback(path, params, "bm90IGl0").statusCode()).isEqualTo(403);
        assertThat(callback(path, params, sign("token-a", callback, params)).statusCode())
                .isEqualTo(403);
        assertThat(attemptStatusWhen(tenant, id, "sent")).isEqualTo("sent");
        var accepted = callback(path, params, sign("token-d", callback, params));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        assertThat(attemptStatusWhen(tenant, id, "delivered")).isEqualTo("delivered");
    }

    @Test
    void aCallbackSignedForAnotherProviderChangesNothing() {
        var tenant = ringproof.tenant("{\"name\":\"Crossed callback\",\"workflow\":[\"sms\",\"voice\"]}", "live");
        String phone = "+346" + digits(8);
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        var sms = carriers.toWhen(phone, r -> !r.isEmpty()).get(0);
        assertThat(sms.account()).isEqualTo("d");
        assertThat(attemptStatusWhen(tenant, id, "sent")).isEqualTo("sent");

        // carrier_a's own token and address, about the message carrier_d took
        Map<String, String> params = Map.of("MessageSid", sms.sid(), "MessageStatus", "failed", "AccountSid", "ACa");
        String url = "http://localhost:8080/api/carrier/v1/status/carrier_a";
        var answer = callback("api/carrier/v1/status/carrier_a", params, sign("token-a", url, params));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        var verification = Http.json(tenant.api().get("api/v1/verifications/" + id));
        assertThat(verification.getString("channel")).as("no fallback to voice").isEqualTo("sms");
        assertThat(verification.getJsonArray("attempts"))
                .singleElement()
                .satisfies(a -> assertThat(a.asJsonObject().getString("status")).isEqualTo("sent"));
    }

    @Test
    void aFlashCallRingsTheTrunkFromTheCliAndTheCliApproves() throws Exception {
        parisPool();
        var tenant = ringproof.tenant("{\"name\":\"Sip\",\"workflow\":[\"missed_call\",\"voice\"]}", "live");
        String phone = "+3361" + digits(7);
        try (var sipp = sipp("ring-then-cancel.xml")) {
            var started = Ringproof.start(tenant, phone);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            assertThat(sipp.awaitExit()).as(sipp.messages()).isZero();
            String cli = sipp.inviteFromUser();
            var attempt = Http.json(started).getJsonArray("attempts").getJsonObject(0);
            assertThat(cli).startsWith(attempt.getString("cli_prefix"));
            assertThat(sipp.messages()).contains("INVITE sip:" + phone + "@127.0.0.1");
            var checked = Http.json(Ringproof.check(tenant, Http.json(started).getString("id"), cli));
            assertThat(checked.getString("status")).isEqualTo("approved");
        }
        assertThat(ringproof.inbox(phone)).as("the sandbox was not used").isEmpty();
    }

    @Test
    void aBusyHandsetMovesTheVerificationToItsNextChannelAtOnce() throws Exception {
        parisPool();
        var tenant = ringproof.tenant("{\"name\":\"Busy\",\"workflow\":[\"missed_call\",\"voice\"]}", "live");
        String phone = "+3361" + digits(7);
        try (var sipp = sipp("busy.xml")) {
            String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
            assertThat(sipp.awaitExit()).as(sipp.messages()).isZero();
            var inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
            assertThat(inbox.getJsonObject(0).getString("type")).isEqualTo("voice");
            var verification = Http.json(tenant.api().get("api/v1/verifications/" + id));
            assertThat(verification.getJsonArray("attempts").getJsonObject(0).getString("status"))
                    .isEqualTo("failed");
        }
    }

    private static String consolePage(String path) {
        var console = new Http();
        ConsoleSignInIT.signIn(console, Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
        var page = console.get(path);
        assertThat(page.statusCode()).as(page.headers() + page.body()).isEqualTo(200);
        assertThat(page.body()).as(page.headers().toString()).contains("Telephony providers");
        return page.body();
    }

    private String attemptStatusWhen(Ringproof.Tenant tenant, String id, String wanted) {
        return Eventually.until(
                "the first attempt of " + id + " " + wanted,
                Duration.ofSeconds(10),
                () -> Http.json(tenant.api().get("api/v1/verifications/" + id))
                        .getJsonArray("attempts")
                        .getJsonObject(0)
                        .getString("status"),
                wanted::equals);
    }

    private java.net.http.HttpResponse<String> callback(String path, Map<String, String> params, String signature) {
        var form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return ringproof.anonymous.send(
                "POST", path, form.toString(), "application/x-www-form-urlencoded", "X-Twilio-Signature", signature);
    }

    /** Twilio's scheme, written out here independently of the server's code. */
    private static String sign(String token, String url, Map<String, String> params) throws IllegalStateException {
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pool of 10 000 Paris numbers, so FR missed calls have caller numbers. */
    private void parisPool() {
        var pool = Http.json(ringproof.admin.postJson("api/admin/v1/pools", "{\"name\":\"Paris\",\"country\":\"FR\"}"));
        for (int tries = 0; tries < 50; tries++) {
            String block = "+3314" + digits(3);
            var added = ringproof.admin.postJson(
                    "api/admin/v1/pools/" + pool.getString("id") + "/numbers",
                    "{\"ranges\":[{\"from\":\"" + block + "0000\",\"to\":\"" + block + "9999\"}]}");
            if (added.statusCode() == 200) {
                return;
            }
        }
        throw new IllegalStateException("no free block of Paris numbers");
    }

    private Sipp sipp(String scenario) throws IOException, URISyntaxException {
        return Sipp.uas(Path.of(getClass().getResource("/sipp/" + scenario).toURI()), SIP_TRUNK_PORT, work);
    }

    private static String code(String text) {
        Matcher matcher = CODE.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private static String digits(int count) {
        var digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }
}
