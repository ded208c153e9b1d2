package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.system.FakeCarriers.Received;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Production mode on a server started with {@code RINGPROOF_MODE=production} in its environment
 * ({@link ProductionDomain}, beside the suite's). The first deployment runs on the development
 * defaults and must be refused; then the code secret and a closed sandbox are configured and the
 * second one serves: live traffic only over configured routes (the failsafe configuration routes
 * SMS to DE, nothing to GB), test traffic on the sandbox. Its own database also lets a test
 * delete every rate-limit policy without touching the rest of the suite.
 */
@Tag(ProductionDomain.TAG)
@ExtendWith(ProductionDomain.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionModeIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private ProductionDomain domain;
    private Commands.Outcome refused;
    private Ringproof ringproof;
    private FakeCarriers carriers;

    @BeforeAll
    void startInProductionMode(ProductionDomain shared) {
        domain = shared;
        refused = shared.firstDeployment();
        ringproof = new Ringproof(ProductionDomain.BASE);
    }

    @AfterEach
    void stopCarriers() {
        if (carriers != null) {
            carriers.close();
            carriers = null;
        }
    }

    @Test
    void theDevelopmentSecretAndAnOpenSandboxStopTheDeploymentNamingBothSettings() throws IOException {
        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("Ringproof refuses to deploy");
        var lines = domain.logLinesWith("Ringproof refuses to deploy; fix these settings:");
        assertThat(lines)
                .as("one log line names every setting to fix")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .contains("verification.code-secret (VERIFICATION_CODE_SECRET)")
                        .contains("sandbox.open (SANDBOX_OPEN)"));
    }

    @Test
    void readinessReportsProductionMode() {
        var check = Http.json(ringproof.anonymous.get("health/ready"))
                .getJsonArray("checks")
                .getJsonObject(0);

        assertThat(check.getJsonObject("data").getString("mode")).isEqualTo("production");
    }

    @Test
    void aLiveChannelWithoutARouteIsSkippedAndWithNoneLeftTheStartIsUnavailable() throws IOException {
        carriers = new FakeCarriers();
        ringproof.londonPool();
        berlinPool();
        var live = ringproof.tenant("{\"name\":\"Live in production\",\"workflow\":[\"missed_call\",\"sms\"]}", "live");

        var toGb = Ringproof.start(live, Ringproof.mobile());
        assertThat(toGb.statusCode()).as(toGb.body()).isEqualTo(503);
        assertThat(toGb.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(toGb).getString("code")).isEqualTo("channel_unavailable");

        String german = "+49151" + digits(8);
        var toDe = Ringproof.start(live, german);
        assertThat(toDe.statusCode()).as(toDe.body()).isEqualTo(201);
        var attempts = Http.json(toDe).getJsonArray("attempts");
        assertThat(attempts).as("the missed call has no DE route: skipped").hasSize(1);
        assertThat(attempts.getJsonObject(0).getString("channel")).isEqualTo("sms");
        assertThat(carriers.toWhen(german, r -> !r.isEmpty()))
                .extracting(Received::account)
                .containsExactly("c");
    }

    @Test
    void testKeysStillUseTheSandbox() {
        ringproof.londonPool();
        var test = ringproof.tenant("{\"name\":\"Test in production\",\"workflow\":[\"missed_call\",\"sms\"]}", "test");
        String phone = Ringproof.mobile();

        var started = Ringproof.start(test, phone);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(Http.json(started).getString("channel")).isEqualTo("missed_call");
        var inbox = inboxWhenNotEmpty(test, phone);
        assertThat(inbox).extracting(m -> m.asJsonObject().getString("type")).containsExactly("call");
    }

    @Test
    void aNumberGetsAtMost100WrongCodesInARowEvenWithEveryRateLimitPolicyDeleted() throws IOException {
        carriers = new FakeCarriers();
        deleteEveryPolicy();
        var tenant = ringproof.tenant("{\"name\":\"Guessed\",\"workflow\":[\"sms\"],\"max_checks\":10}", "live");
        String phone = "+49151" + digits(8);
        for (int nth = 1; nth <= 10; nth++) {
            var started = startAndReadCode(tenant, phone, nth);
            String wrong = wrongCode(started.code());
            for (int check = 0; check < 10; check++) {
                var answer = Ringproof.check(tenant, started.id(), wrong);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(Http.json(answer).getBoolean("valid")).isFalse();
            }
        }
        var eleventh = startAndReadCode(tenant, phone, 11);

        var rightCode = Ringproof.check(tenant, eleventh.id(), eleventh.code());

        assertThat(rightCode.statusCode())
                .as("even the right code: " + rightCode.body())
                .isEqualTo(429);
        assertThat(Http.json(rightCode).getString("code")).isEqualTo("rate_limited");
        assertThat(rightCode.headers().firstValue("Retry-After")).isPresent();
        assertThat(rightCode.headers().firstValue("RateLimit-Policy"))
                .hasValue("\"failed_checks_per_phone\";q=100;w=86400");
        var verification = Http.json(tenant.api().get("api/v1/verifications/" + eleventh.id()));
        assertThat(verification.getString("status")).isEqualTo("pending");
        assertThat(verification.getInt("remaining_checks")).isEqualTo(10);
    }

    private void deleteEveryPolicy() {
        for (var policy :
                Http.jsonArray(ringproof.admin.get("api/admin/v1/rate-limits")).getValuesAs(JsonObject.class)) {
            var deleted =
                    ringproof.admin.send("DELETE", "api/admin/v1/rate-limits/" + policy.getString("id"), null, null);
            assertThat(deleted.statusCode()).isEqualTo(204);
        }
        assertThat(Http.jsonArray(ringproof.admin.get("api/admin/v1/rate-limits")))
                .isEmpty();
    }

    /** A started verification and the code its SMS carried. */
    private record Started(String id, String code) {}

    /** Starts the {@code nth} verification to {@code phone} and reads its SMS at the carrier. */
    private Started startAndReadCode(Ringproof.Tenant tenant, String phone, int nth) {
        var started = Ringproof.start(tenant, phone);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        var received = carriers.toWhen(phone, r -> r.size() >= nth);
        assertThat(received).hasSizeGreaterThanOrEqualTo(nth);
        Matcher matcher = CODE.matcher(received.get(nth - 1).form().get("Body"));
        assertThat(matcher.find()).isTrue();
        return new Started(Http.json(started).getString("id"), matcher.group(1));
    }

    private static String wrongCode(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    /** A whole block of 10 000 Berlin numbers, so DE missed calls would have caller numbers. */
    private void berlinPool() {
        var pool =
                Http.json(ringproof.admin.postJson("api/admin/v1/pools", "{\"name\":\"Berlin\",\"country\":\"DE\"}"));
        for (int tries = 0; tries < 50; tries++) {
            String block = "+4930" + (1000 + RANDOM.nextInt(9000));
            var added = ringproof.admin.postJson(
                    "api/admin/v1/pools/" + pool.getString("id") + "/numbers",
                    "{\"ranges\":[{\"from\":\"" + block + "0000\",\"to\":\"" + block + "9999\"}]}");
            if (added.statusCode() == 200) {
                return;
            }
        }
        throw new IllegalStateException("no free block of Berlin numbers");
    }

    /** The sandbox is closed here: a handset's inbox is read with the tenant's test key. */
    private JsonArray inboxWhenNotEmpty(Ringproof.Tenant test, String phone) {
        return Eventually.until(
                "a message in the inbox of " + phone,
                java.time.Duration.ofSeconds(60),
                () -> {
                    var answer = test.api().get("api/sandbox/v1/handsets/" + phone + "/inbox");
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    return Http.jsonArray(answer);
                },
                inbox -> !inbox.isEmpty());
    }

    private static String digits(int count) {
        var digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }
}
