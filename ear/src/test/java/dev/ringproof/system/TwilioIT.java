package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.verify.v2.Service;
import com.twilio.rest.verify.v2.service.Verification;
import com.twilio.rest.verify.v2.service.VerificationCheck;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The Twilio door driven by Twilio's own Java SDK (10.6.0), unchanged but for the HTTP client
 * that points it at the test server (docs/compatibility-twilio.md): Services, verifications by
 * SMS, voice and missed call read from the sandbox, checks, re-sends, cancel and approve, and
 * the errors the SDK raises, with Twilio's codes.
 */
@ExtendWith(ArquillianExtension.class)
class TwilioIT {

    private static final Pattern VE = Pattern.compile("VE[0-9a-f]{32}");
    private static final Pattern VA = Pattern.compile("VA[0-9a-f]{32}");
    private static final String POLICIES = "api/admin/v1/rate-limits";

    private final Ringproof ringproof = new Ringproof();
    private final List<String> policies = new ArrayList<>();
    private Ringproof.Tenant tenant;
    private TwilioRestClient twilio;
    private String accountSid;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @BeforeEach
    void setUp() {
        tenant = ringproof.tenant("Twilio door");
        accountSid = accountSid(tenant);
        twilio = RingproofTwilioClient.of(accountSid, tenant.key());
    }

    @AfterEach
    void deletePolicies() {
        policies.forEach(id -> ringproof.admin.send("DELETE", POLICIES + "/" + id, null, null));
    }

    @Test
    void smsCodeOfTheServicesLengthAndNameApprovesAfterAWrongOne() {
        var service = Service.creator("Acme Shop").setCodeLength(7).create(twilio);
        assertThat(service.getSid()).matches(VA);
        assertThat(service.getAccountSid()).isEqualTo(accountSid);
        assertThat(service.getCodeLength()).isEqualTo(7);
        String phone = Ringproof.mobile();

        var started = Verification.creator(service.getSid(), phone, "sms").create(twilio);

        assertThat(started.getSid()).matches(VE);
        assertThat(started.getStatus()).isEqualTo("pending");
        assertThat(started.getChannel()).isEqualTo(Verification.Channel.SMS);
        assertThat(started.getTo()).isEqualTo(phone);
        assertThat(started.getValid()).isFalse();
        assertThat(started.getDateCreated()).isNotNull();
        assertThat(started.getSendCodeAttempts()).hasSize(1);
        var sms = ringproof.inboxWhen(phone, m -> !m.isEmpty()).getJsonObject(0);
        assertThat(sms.getString("text")).contains("Acme Shop");
        String code = codeIn(sms, 7);

        var wrong = VerificationCheck.creator(service.getSid())
                .setTo(phone)
                .setCode(code.equals("0000000") ? "1111111" : "0000000")
                .create(twilio);
        assertThat(wrong.getStatus()).isEqualTo("pending");
        assertThat(wrong.getValid()).isFalse();
        var right = VerificationCheck.creator(service.getSid())
                .setVerificationSid(started.getSid())
                .setCode(code)
                .create(twilio);
        assertThat(right.getStatus()).isEqualTo("approved");
        assertThat(right.getValid()).isTrue();
        assertThat(right.getSid()).isEqualTo(started.getSid());

        var gone = apiError(
                () -> Verification.fetcher(service.getSid(), started.getSid()).fetch(twilio));
        assertThat(gone.getCode()).isEqualTo(20404);
        assertThat(gone.getStatusCode()).isEqualTo(404);
        var native_ = Http.json(tenant.api().get("api/v1/verifications")).getJsonArray("items");
        assertThat(native_).as("the same verification through the native API").hasSize(1);
        assertThat(native_.getJsonObject(0).getString("status")).isEqualTo("approved");
    }

    @Test
    void callReadsTheCodeAndAutoStartsWithAMissedCallWhoseLastDigitsApprove() {
        ringproof.londonPool();
        var service = Service.creator("Calls").create(twilio);
        String called = Ringproof.mobile();
        Verification.creator(service.getSid(), called, "call").create(twilio);
        var voice = ringproof.inboxWhen(called, m -> !m.isEmpty()).getJsonObject(0);
        assertThat(voice.getString("type")).isEqualTo("voice");
        String phone = Ringproof.mobile();

        var started = Verification.creator(service.getSid(), phone, "auto").create(twilio);

        assertThat(started.getStatus()).isEqualTo("pending");
        assertThat(started.getChannel())
                .as("missed_call, which the SDK does not know")
                .isNull();
        assertThat(started.getSendCodeAttempts())
                .singleElement()
                .satisfies(attempt -> assertThat(attempt).containsEntry("channel", "missed_call"));
        var call = ringproof.inboxWhen(phone, m -> !m.isEmpty()).getJsonObject(0);
        assertThat(call.getString("type")).isEqualTo("call");
        String cli = call.getString("from");
        var checked = VerificationCheck.creator(service.getSid())
                .setTo(phone)
                .setCode(cli.substring(cli.length() - 4))
                .create(twilio);
        assertThat(checked.getStatus()).isEqualTo("approved");
        assertThat(checked.getValid()).isTrue();
    }

    @Test
    void aSecondStartReSendsOnThePendingOneUpToFiveSends() {
        var service = Service.creator("Again").create(twilio);
        String phone = Ringproof.mobile();
        var first = Verification.creator(service.getSid(), phone, "sms").create(twilio);

        Verification last = first;
        for (int send = 2; send <= 5; send++) {
            // the second send asks for a call instead: Twilio's way to move to another channel
            last = Verification.creator(service.getSid(), phone, send == 2 ? "call" : "sms")
                    .create(twilio);
            assertThat(last.getSid()).isEqualTo(first.getSid());
            assertThat(last.getSendCodeAttempts()).hasSize(send);
        }
        assertThat(last.getSendCodeAttempts().get(1)).containsEntry("channel", "call");
        var sixth = apiError(
                () -> Verification.creator(service.getSid(), phone, "sms").create(twilio));

        assertThat(sixth.getCode()).isEqualTo(60203);
        assertThat(sixth.getStatusCode()).isEqualTo(429);
        var inbox = ringproof.inboxWhen(phone, m -> m.size() >= 5);
        assertThat(inbox.stream().map(m -> m.asJsonObject().getString("type")))
                .containsExactlyInAnyOrder("sms", "voice", "sms", "sms", "sms");
        var checked = VerificationCheck.creator(service.getSid())
                .setTo(phone)
                .setCode(codeIn(
                        inbox.stream()
                                .map(JsonValue::asJsonObject)
                                .filter(m -> m.getString("type").equals("sms"))
                                .findFirst()
                                .orElseThrow(),
                        6))
                .create(twilio);
        assertThat(checked.getValid()).as("an earlier send's code stays valid").isTrue();
    }

    @Test
    void canceledAndApprovedByUpdateAreGone() {
        var service = Service.creator("Updates").create(twilio);
        String phone = Ringproof.mobile();
        var started = Verification.creator(service.getSid(), phone, "sms").create(twilio);

        var canceled = Verification.updater(service.getSid(), started.getSid(), Verification.Status.CANCELED)
                .update(twilio);

        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(apiError(() -> Verification.fetcher(service.getSid(), started.getSid())
                                .fetch(twilio))
                        .getCode())
                .isEqualTo(20404);
        assertThat(apiError(() -> VerificationCheck.creator(service.getSid())
                                .setTo(phone)
                                .setCode("123456")
                                .create(twilio))
                        .getCode())
                .isEqualTo(20404);
        var again = Verification.creator(service.getSid(), phone, "sms").create(twilio);
        assertThat(again.getSid()).as("a new one after the canceled").isNotEqualTo(started.getSid());
        var approved = Verification.updater(service.getSid(), again.getSid(), Verification.Status.APPROVED)
                .update(twilio);
        assertThat(approved.getStatus()).isEqualTo("approved");
        assertThat(approved.getValid()).isTrue();
        var twice = apiError(() -> Verification.updater(service.getSid(), again.getSid(), Verification.Status.CANCELED)
                .update(twilio));
        assertThat(twice.getCode()).isEqualTo(20404);
        assertThat(twice.getStatusCode()).isEqualTo(404);
    }

    @Test
    void wrongCodesUpToTheTenantsChecksThenMaxCheckAttempts() {
        var strict = ringproof.tenant("{\"name\":\"Strict\",\"max_checks\":2}", "live");
        var client = RingproofTwilioClient.of(accountSid(strict), strict.key());
        var service = Service.creator("Strict").create(client);
        String phone = Ringproof.mobile();
        var started = Verification.creator(service.getSid(), phone, "sms").create(client);
        String code = codeIn(ringproof.inboxWhen(phone, m -> !m.isEmpty()).getJsonObject(0), 6);
        String wrong = code.equals("000000") ? "111111" : "000000";

        var first = VerificationCheck.creator(service.getSid())
                .setTo(phone)
                .setCode(wrong)
                .create(client);
        var second = VerificationCheck.creator(service.getSid())
                .setVerificationSid(started.getSid())
                .setCode(wrong)
                .create(client);
        var third = apiError(() -> VerificationCheck.creator(service.getSid())
                .setVerificationSid(started.getSid())
                .setCode(code)
                .create(client));

        assertThat(first.getStatus()).isEqualTo("pending");
        assertThat(second.getStatus()).isEqualTo("max_attempts_reached");
        assertThat(second.getValid()).isFalse();
        assertThat(third.getCode()).isEqualTo(60202);
        assertThat(third.getStatusCode()).isEqualTo(429);
    }

    @Test
    void badInputGetsTwiliosCodesAndStartsNothing() {
        var service = Service.creator("Bad input").create(twilio);
        String phone = Ringproof.mobile();

        var invalidNumber = apiError(
                () -> Verification.creator(service.getSid(), "12", "sms").create(twilio));
        var email = apiError(
                () -> Verification.creator(service.getSid(), phone, "email").create(twilio));
        var neither = apiError(() ->
                VerificationCheck.creator(service.getSid()).setCode("123456").create(twilio));
        var codeLength =
                apiError(() -> Service.creator("Too long").setCodeLength(11).create(twilio));
        var noName = apiError(() -> Service.creator(" ").create(twilio));

        assertThat(invalidNumber.getCode()).isEqualTo(60200);
        assertThat(invalidNumber.getStatusCode()).isEqualTo(400);
        assertThat(invalidNumber.getMessage()).contains("To");
        assertThat(email.getCode()).isEqualTo(60223);
        assertThat(neither.getCode()).isEqualTo(60221);
        assertThat(codeLength.getCode()).isEqualTo(60200);
        assertThat(codeLength.getMessage()).contains("CodeLength");
        assertThat(noName.getCode()).isEqualTo(60200);
        assertThat(ringproof.inbox(phone)).isEmpty();
        var listed = Http.json(tenant.api().get("api/v1/verifications"));
        assertThat(listed.getJsonArray("items")).isEmpty();
    }

    @Test
    void unknownIdsAreTwilios20404() {
        var service = Service.creator("Unknown").create(twilio);
        String zeros = "0".repeat(32);

        var noService = apiError(() -> Service.fetcher("VA" + zeros).fetch(twilio));
        var noVerification = apiError(
                () -> Verification.fetcher(service.getSid(), "VE" + zeros).fetch(twilio));
        var malformed = apiError(
                () -> Verification.fetcher(service.getSid(), "VEnot-hex").fetch(twilio));
        var startOnNoService = apiError(() ->
                Verification.creator("VA" + zeros, Ringproof.mobile(), "sms").create(twilio));

        for (var error : List.of(noService, noVerification, malformed, startOnNoService)) {
            assertThat(error.getCode()).isEqualTo(20404);
            assertThat(error.getStatusCode()).isEqualTo(404);
        }
    }

    @Test
    void rateLimitedStartsAre60203() {
        policies.add(Http.json(ringproof.admin.postJson(
                        POLICIES,
                        "{\"scope\":\"tenant\",\"tenant_id\":\"" + tenant.id()
                                + "\",\"limit\":1,\"window_seconds\":3600}"))
                .getString("id"));
        var service = Service.creator("Limited").create(twilio);
        Verification.creator(service.getSid(), Ringproof.mobile(), "sms").create(twilio);
        String phone = Ringproof.mobile();

        var limited = apiError(
                () -> Verification.creator(service.getSid(), phone, "sms").create(twilio));

        assertThat(limited.getCode()).isEqualTo(60203);
        assertThat(limited.getStatusCode()).isEqualTo(429);
        assertThat(ringproof.inbox(phone)).isEmpty();
    }

    @Test
    void anotherTenantsAndTheOtherWorldsServicesAndVerificationsAreUnknown() {
        var service = Service.creator("Mine").create(twilio);
        var started = Verification.creator(service.getSid(), Ringproof.mobile(), "sms")
                .create(twilio);
        var other = ringproof.tenant("Other tenant");
        var otherClient = RingproofTwilioClient.of(accountSid(other), other.key());
        var testKey = Http.json(ringproof.admin.postJson(
                        "api/admin/v1/tenants/" + tenant.id() + "/api-keys", "{\"mode\":\"test\"}"))
                .getString("key");
        var testClient = RingproofTwilioClient.of(accountSid, testKey);

        for (var client : List.of(otherClient, testClient)) {
            assertThat(apiError(() -> Service.fetcher(service.getSid()).fetch(client))
                            .getCode())
                    .isEqualTo(20404);
            assertThat(apiError(() -> Verification.fetcher(service.getSid(), started.getSid())
                                    .fetch(client))
                            .getCode())
                    .isEqualTo(20404);
            assertThat(StreamSupport.stream(Service.reader().read(client).spliterator(), false)
                            .map(Service::getSid))
                    .doesNotContain(service.getSid());
        }
        assertThat(StreamSupport.stream(Service.reader().read(twilio).spliterator(), false)
                        .map(Service::getSid))
                .containsExactly(service.getSid());
        var mixed = apiError(() ->
                Service.fetcher(service.getSid()).fetch(RingproofTwilioClient.of(accountSid(other), tenant.key())));
        assertThat(mixed.getCode()).isEqualTo(20003);
        assertThat(mixed.getStatusCode()).isEqualTo(401);
    }

    @Test
    void theConsoleShowsTheDoorAndTheTwilioLinesWithTheAccountSid() {
        var service = Service.creator("Console").create(twilio);
        String phone = Ringproof.mobile();
        Verification.creator(service.getSid(), phone, "sms").create(twilio);
        String id = Http.json(tenant.api().get("api/v1/verifications"))
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("id");

        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("verifications/list.xhtml");
            browser.type(By.id("search:phone"), phone);
            browser.driver.findElement(By.id("search:search-button")).click();
            browser.awaitCount(By.cssSelector("[id='results:table'] tbody tr"), 1);
            browser.awaitText(By.id("results:table"), id);
            assertThat(browser.driver
                            .findElement(By.cssSelector("[id='results:table'] tbody td.door"))
                            .getText())
                    .isEqualTo("twilio");
            browser.driver.findElement(By.linkText(id)).click();
            browser.awaitText(By.id("verification-id"), id);
            assertThat(browser.await(By.id("door")).getText()).isEqualTo("twilio");

            browser.open("tenants/keys.xhtml?tenant=" + tenant.id());
            browser.awaitText(By.id("twilio-snippet"), accountSid);
            assertThat(browser.await(By.id("twilio-base")).getText()).endsWith("/api/compat/twilio");
        }
    }

    private String accountSid(Ringproof.Tenant owner) {
        JsonObject shown = Http.json(ringproof.admin.get("api/admin/v1/tenants/" + owner.id()));
        return shown.getString("account_sid");
    }

    private static ApiException apiError(Runnable call) {
        var error = catchThrowableOfType(call::run, ApiException.class);
        assertThat(error).as("the SDK's ApiException").isNotNull();
        return error;
    }

    private static String codeIn(JsonObject message, int digits) {
        var matcher = Pattern.compile("(\\d{" + digits + "})").matcher(message.getString("text"));
        assertThat(matcher.find()).as("a code in " + message).isTrue();
        return matcher.group(1);
    }
}
