package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.vonage.client.HttpConfig;
import com.vonage.client.VonageClient;
import com.vonage.client.verify2.SmsWorkflow;
import com.vonage.client.verify2.VerificationRequest;
import com.vonage.client.verify2.VerificationStatus;
import com.vonage.client.verify2.Verify2Client;
import com.vonage.client.verify2.VerifyResponseException;
import com.vonage.client.verify2.VoiceWorkflow;
import com.vonage.jwt.Jwt;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Vonage Verify v2 door driven by Vonage's own Java SDK, unchanged: only its base URI and
 * credentials point at Ringproof (HTTP Basic account SID + api key, or a registered
 * application's JWT). Each case asserts what the SDK returns or throws.
 */
@ExtendWith(ArquillianExtension.class)
class VonageIT {

    private static final Pattern CODE = Pattern.compile("code is (\\d+)");
    private static final String BASE = Http.BASE.resolve("api/compat/vonage").toString();

    private final Ringproof ringproof = new Ringproof();
    private Ringproof.Tenant tenant;
    private Verify2Client vonage;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @BeforeEach
    void tenant() {
        tenant = ringproof.tenant("{\"name\":\"Vonage Shop\",\"max_checks\":3}", "live");
        vonage = basic(accountSid(tenant), tenant.key());
    }

    @Test
    void smsWithBrandAndCodeLengthWrongThenRightCode() {
        String phone = Ringproof.mobile();
        String ref = "order-" + UUID.randomUUID().toString().substring(0, 8);
        var started = vonage.sendVerification(VerificationRequest.builder()
                .brand("Acme")
                .addWorkflow(new SmsWorkflow(phone.substring(1)))
                .codeLength(7)
                .clientRef(ref)
                .locale("en-us")
                .build());
        UUID requestId = started.getRequestId();
        assertThat(requestId).isNotNull();

        String sms = smsText(phone);
        assertThat(sms).startsWith("Your Acme code is ");
        String code = code(sms);
        assertThat(code).hasSize(7);

        var wrong = catchThrowableOfType(
                () -> vonage.checkVerificationCode(requestId, wrongCode(code)), VerifyResponseException.class);
        assertThat(wrong.getStatusCode()).isEqualTo(400);
        assertThat(wrong.getTitle()).isEqualTo("Invalid Code");
        assertThat(wrong.getType().toString()).endsWith("#invalid-code");
        assertThat(wrong.getRequestId()).isEqualTo(requestId);

        var right = vonage.checkVerificationCode(requestId, code);
        assertThat(right.getStatus()).isEqualTo(VerificationStatus.COMPLETED);
        assertThat(right.getRequestId()).isEqualTo(requestId);

        var again = catchThrowableOfType(
                () -> vonage.checkVerificationCode(requestId, code), VerifyResponseException.class);
        assertThat(again.getStatusCode()).as("already verified").isEqualTo(404);

        // the same verification as the native API sees it
        var listed = Http.json(tenant.api().get("api/v1/verifications?reference=" + ref));
        assertThat(listed.getJsonArray("items")).hasSize(1);
        assertThat(listed.getJsonArray("items").getJsonObject(0).getString("status"))
                .isEqualTo("approved");
    }

    @Test
    void tooManyWrongCodesEndTheWorkflowWith410() {
        String phone = Ringproof.mobile();
        UUID id = vonage.sendVerification(smsTo(phone)).getRequestId();
        String code = code(smsText(phone));

        for (int i = 0; i < 2; i++) {
            var wrong = catchThrowableOfType(
                    () -> vonage.checkVerificationCode(id, wrongCode(code)), VerifyResponseException.class);
            assertThat(wrong.getStatusCode()).isEqualTo(400);
        }
        var last = catchThrowableOfType(
                () -> vonage.checkVerificationCode(id, wrongCode(code)), VerifyResponseException.class);
        assertThat(last.getStatusCode()).isEqualTo(410);

        var right = catchThrowableOfType(() -> vonage.checkVerificationCode(id, code), VerifyResponseException.class);
        assertThat(right.getStatusCode()).as("the workflow has ended").isEqualTo(404);
    }

    @Test
    void nextWorkflowMovesToVoiceThenNoneIsLeftAndCancelEndsIt() {
        String phone = Ringproof.mobile();
        UUID id = vonage.sendVerification(VerificationRequest.builder()
                        .brand("Acme")
                        .addWorkflow(new SmsWorkflow(phone.substring(1)))
                        .addWorkflow(new VoiceWorkflow(phone.substring(1)))
                        .build())
                .getRequestId();
        ringproof.inboxWhen(phone, messages -> messages.size() == 1);

        vonage.nextWorkflow(id);
        JsonArray inbox = ringproof.inboxWhen(phone, messages -> messages.size() == 2);
        assertThat(inbox.getJsonObject(1).getString("type")).isEqualTo("voice");

        var none = catchThrowableOfType(() -> vonage.nextWorkflow(id), VerifyResponseException.class);
        assertThat(none.getStatusCode()).isEqualTo(409);
        assertThat(none.getTitle()).isEqualTo("Conflict");

        vonage.cancelVerification(id);
        var gone = catchThrowableOfType(() -> vonage.cancelVerification(id), VerifyResponseException.class);
        assertThat(gone.getStatusCode()).isEqualTo(404);
        var check = catchThrowableOfType(() -> vonage.checkVerificationCode(id, "1234"), VerifyResponseException.class);
        assertThat(check.getStatusCode()).isEqualTo(404);
    }

    /** The SDK has no missed-call channel; the wire does: {@code missed_call} checked with the CLI's last digits. */
    @Test
    void missedCallAsAWorkflowChannelIsCheckedWithTheCallersLastDigits() {
        ringproof.londonPool();
        String phone = Ringproof.mobile();
        var raw = Http.basic(accountSid(tenant), tenant.key());
        var started = raw.postJson(
                "api/compat/vonage/v2/verify",
                "{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"missed_call\",\"to\":\"" + phone.substring(1)
                        + "\"},{\"channel\":\"sms\",\"to\":\"" + phone.substring(1) + "\"}]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        UUID id = UUID.fromString(Http.json(started).getString("request_id"));

        JsonObject call =
                ringproof.inboxWhen(phone, messages -> !messages.isEmpty()).getJsonObject(0);
        assertThat(call.getString("type")).isEqualTo("call");
        String cli = call.getString("from");

        var right = vonage.checkVerificationCode(id, cli.substring(cli.length() - 4));
        assertThat(right.getStatus()).isEqualTo(VerificationStatus.COMPLETED);
    }

    @Test
    void unknownIdsOtherTenantsAndTheOtherWorldAre404() {
        String phone = Ringproof.mobile();
        UUID id = vonage.sendVerification(smsTo(phone)).getRequestId();
        var other = ringproof.tenant("Other Vonage Shop");
        var otherDoor = basic(accountSid(other), other.key());
        var testKey = Http.json(ringproof.admin.postJson(
                        "api/admin/v1/tenants/" + tenant.id() + "/api-keys", "{\"mode\":\"test\"}"))
                .getString("key");
        var testDoor = basic(accountSid(tenant), testKey);

        for (var door : new Verify2Client[] {otherDoor, testDoor}) {
            var check =
                    catchThrowableOfType(() -> door.checkVerificationCode(id, "1234"), VerifyResponseException.class);
            assertThat(check.getStatusCode()).isEqualTo(404);
            var cancel = catchThrowableOfType(() -> door.cancelVerification(id), VerifyResponseException.class);
            assertThat(cancel.getStatusCode()).isEqualTo(404);
        }
        var unknown = catchThrowableOfType(
                () -> vonage.checkVerificationCode(UUID.randomUUID(), "1234"), VerifyResponseException.class);
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getTitle()).isEqualTo("Not Found");

        assertThat(vonage.checkVerificationCode(id, code(smsText(phone))).getStatus())
                .as("still pending for its own tenant and world")
                .isEqualTo(VerificationStatus.COMPLETED);
    }

    @Test
    void anInvalidNumberOrAnUnsupportedChannelIs422AndSendsNothing() {
        var invalid = catchThrowableOfType(
                () -> vonage.sendVerification(smsTo("+999123456789")), VerifyResponseException.class);
        assertThat(invalid.getStatusCode()).isEqualTo(422);
        assertThat(invalid.getTitle()).isEqualTo("Invalid params");

        String phone = Ringproof.mobile();
        var raw = Http.basic(accountSid(tenant), tenant.key());
        var whatsapp = raw.postJson(
                "api/compat/vonage/v2/verify",
                "{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"whatsapp\",\"to\":\"" + phone.substring(1) + "\"}]}");
        assertThat(whatsapp.statusCode()).isEqualTo(422);
        assertThat(whatsapp.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var body = Http.json(whatsapp);
        assertThat(body.getJsonArray("invalid_parameters").getJsonObject(0).getString("name"))
                .isEqualTo("workflow[0].channel");
        var custom = raw.postJson(
                "api/compat/vonage/v2/verify",
                "{\"brand\":\"Acme\",\"code\":\"1234\",\"workflow\":[{\"channel\":\"sms\",\"to\":\""
                        + phone.substring(1) + "\"}]}");
        assertThat(custom.statusCode()).isEqualTo(422);
        ringproof.inboxStays(phone, java.time.Duration.ofSeconds(2), JsonArray::isEmpty);
    }

    @Test
    void aSecondVerificationToANumberWithOnePendingIs409() {
        String phone = Ringproof.mobile();
        UUID first = vonage.sendVerification(smsTo(phone)).getRequestId();

        var second = catchThrowableOfType(() -> vonage.sendVerification(smsTo(phone)), VerifyResponseException.class);
        assertThat(second.getStatusCode()).isEqualTo(409);

        vonage.cancelVerification(first);
        assertThat(vonage.sendVerification(smsTo(phone)).getRequestId()).isNotEqualTo(first);
    }

    @Test
    void aTenantsRateLimitIs429() {
        var policy = ringproof.admin.postJson(
                "api/admin/v1/rate-limits",
                "{\"scope\":\"tenant\",\"tenant_id\":\"" + tenant.id() + "\",\"limit\":1,\"window_seconds\":3600}");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(201);
        vonage.sendVerification(smsTo(Ringproof.mobile()));

        var limited = catchThrowableOfType(
                () -> vonage.sendVerification(smsTo(Ringproof.mobile())), VerifyResponseException.class);
        assertThat(limited.getStatusCode()).isEqualTo(429);
        assertThat(limited.getTitle()).isEqualTo("Rate Limit Hit");
    }

    @Test
    void wrongCredentialsAre401() {
        var wrong = basic(accountSid(tenant), tenant.key() + "x");
        var refused = catchThrowableOfType(
                () -> wrong.sendVerification(smsTo(Ringproof.mobile())), VerifyResponseException.class);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        var otherAccount = basic("AC" + "0".repeat(32), tenant.key());
        assertThat(catchThrowableOfType(
                                () -> otherAccount.sendVerification(smsTo(Ringproof.mobile())),
                                VerifyResponseException.class)
                        .getStatusCode())
                .isEqualTo(401);
    }

    @Test
    void aRegisteredApplicationsJwtAuthenticatesOnceAndOnlyWhileValid() throws Exception {
        KeyPair keys = rsa();
        String applicationId = UUID.randomUUID().toString();
        String keyId = "key_" + tenant.key().split("_")[2];
        var registered = ringproof.admin.send(
                "PUT",
                "api/admin/v1/tenants/" + tenant.id() + "/vonage-application",
                "{\"application_id\":\"" + applicationId + "\",\"key_id\":\"" + keyId + "\",\"public_key\":\""
                        + publicPem(keys).replace("\n", "\\n") + "\"}",
                "application/json");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(Http.json(registered).getString("application_id")).isEqualTo(applicationId);

        var jwt = jwtClient(applicationId, privatePem(keys));
        String phone = Ringproof.mobile();
        UUID id = jwt.sendVerification(smsTo(phone)).getRequestId();
        assertThat(jwt.checkVerificationCode(id, code(smsText(phone))).getStatus())
                .isEqualTo(VerificationStatus.COMPLETED);

        String token = Jwt.builder()
                .applicationId(applicationId)
                .privateKeyContents(privatePem(keys))
                .build()
                .generate();
        var bearer = Http.bearer(token);
        String path = "api/compat/vonage/v2/verify/" + UUID.randomUUID();
        assertThat(bearer.send("DELETE", path, null, null).statusCode())
                .as("accepted once")
                .isEqualTo(404);
        var replay = bearer.send("DELETE", path, null, null);
        assertThat(replay.statusCode()).as("a replay").isEqualTo(401);
        assertThat(Http.json(replay).getString("title")).isEqualTo("Unauthorized");

        String expired = Jwt.builder()
                .applicationId(applicationId)
                .privateKeyContents(privatePem(keys))
                .issuedAt(ZonedDateTime.now().minusMinutes(10))
                .expiresAt(ZonedDateTime.now().minusMinutes(5))
                .build()
                .generate();
        String unsigned =
                Jwt.builder().applicationId(applicationId).unsigned().build().generate();
        for (String refused : new String[] {expired, unsigned, token + "x"}) {
            assertThat(Http.bearer(refused).send("DELETE", path, null, null).statusCode())
                    .isEqualTo(401);
        }
        for (var client : new Verify2Client[] {
            jwtClient(applicationId, privatePem(rsa())),
            jwtClient(UUID.randomUUID().toString(), privatePem(keys))
        }) {
            var refused = catchThrowableOfType(
                    () -> client.sendVerification(smsTo(Ringproof.mobile())), VerifyResponseException.class);
            assertThat(refused.getStatusCode()).isEqualTo(401);
        }

        assertThat(ringproof
                        .admin
                        .send("DELETE", "api/admin/v1/tenants/" + tenant.id() + "/vonage-application", null, null)
                        .statusCode())
                .isEqualTo(204);
        var removed = catchThrowableOfType(
                () -> jwt.sendVerification(smsTo(Ringproof.mobile())), VerifyResponseException.class);
        assertThat(removed.getStatusCode()).isEqualTo(401);
    }

    @Test
    void theAdminRefusesAnApplicationThatCannotWork() throws Exception {
        var other = ringproof.tenant("Other key owner");
        String path = "api/admin/v1/tenants/" + tenant.id() + "/vonage-application";
        String pem = publicPem(rsa()).replace("\n", "\\n");
        for (String body : new String[] {
            "{\"application_id\":\"not-a-uuid\",\"key_id\":\"" + keyIdOf(tenant) + "\",\"public_key\":\"" + pem + "\"}",
            "{\"application_id\":\"" + UUID.randomUUID() + "\",\"key_id\":\"" + keyIdOf(tenant)
                    + "\",\"public_key\":\"-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----\"}",
            "{\"application_id\":\"" + UUID.randomUUID() + "\",\"key_id\":\"" + keyIdOf(other) + "\",\"public_key\":\""
                    + pem + "\"}",
            "{\"application_id\":\"" + UUID.randomUUID() + "\"}"
        }) {
            var answer = ringproof.admin.send("PUT", path, body, "application/json");
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(Http.json(answer).getString("code")).isEqualTo("invalid_request");
        }
        assertThat(ringproof.admin.get(path).statusCode()).isEqualTo(404);
    }

    private static String keyIdOf(Ringproof.Tenant tenant) {
        return "key_" + tenant.key().split("_")[2];
    }

    private String accountSid(Ringproof.Tenant t) {
        return Http.json(ringproof.admin.get("api/admin/v1/tenants/" + t.id())).getString("account_sid");
    }

    private static Verify2Client basic(String accountSid, String key) {
        return VonageClient.builder()
                .apiKey(accountSid)
                .apiSecret(key)
                .httpConfig(HttpConfig.builder().apiBaseUri(BASE).build())
                .build()
                .getVerify2Client();
    }

    private static Verify2Client jwtClient(String applicationId, String privateKey) {
        return VonageClient.builder()
                .applicationId(applicationId)
                .privateKeyContents(privateKey)
                .httpConfig(HttpConfig.builder().apiBaseUri(BASE).build())
                .build()
                .getVerify2Client();
    }

    private static VerificationRequest smsTo(String phone) {
        return VerificationRequest.builder()
                .brand("Acme")
                .addWorkflow(new SmsWorkflow(phone.substring(1)))
                .build();
    }

    private String smsText(String phone) {
        JsonArray inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
        JsonObject sms = inbox.getJsonObject(inbox.size() - 1);
        assertThat(sms.getString("type")).isEqualTo("sms");
        return sms.getString("text");
    }

    private static String code(String text) {
        Matcher matcher = CODE.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private static String wrongCode(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String publicPem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n" + mime(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static String privatePem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n" + mime(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    private static String mime(byte[] bytes) {
        return Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(bytes);
    }
}
