package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The heart of the product over HTTP only, on the real EAR: an admin sets a tenant, a key
 * and a 10 000-number pool up; the tenant verifies a number by missed call through the
 * sandbox carrier.
 */
@ExtendWith(ArquillianExtension.class)
class MissedCallFlowIT {

    private final Ringproof ringproof = new Ringproof();
    private Ringproof.Tenant acme;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @BeforeEach
    void setUp() {
        var pool = ringproof.londonPool();
        assertThat(pool.getJsonNumber("size").longValue()).isEqualTo(10_000);
        assertThat(pool.getInt("code_digits")).isEqualTo(4);
        acme = ringproof.tenant("Acme");
    }

    @Test
    void missedCallFromPoolNumberApprovesWithItsLastFourDigits() throws java.io.IOException {
        String phone = Ringproof.mobile();
        var started = Ringproof.start(acme, phone);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        var verification = Http.json(started);
        assertThat(started.headers().firstValue("Location"))
                .hasValueSatisfying(location ->
                        assertThat(location).endsWith("/api/v1/verifications/" + verification.getString("id")));
        assertThat(verification.getString("status")).isEqualTo("pending");
        assertThat(verification.getString("phone")).isEqualTo(phone);
        assertThat(verification.getString("country")).isEqualTo("GB");
        assertThat(verification.getString("channel")).isEqualTo("missed_call");
        var attempt = verification.getJsonArray("attempts").getJsonObject(0);
        String prefix = attempt.getString("cli_prefix");
        assertThat(prefix).startsWith("+44207").hasSize(9);
        assertThat(attempt.getInt("code_length")).isEqualTo(4);

        String cli = callerOf(phone);
        assertThat(cli).startsWith(prefix).hasSize(13);
        assertThat(started.body()).doesNotContain(cli);

        var checked = Ringproof.check(acme, verification.getString("id"), cli.substring(cli.length() - 4));
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(Http.json(checked).getBoolean("valid")).isTrue();
        assertThat(Http.json(checked).getString("status")).isEqualTo("approved");
        assertThat(serverLog()).doesNotContain(cli).doesNotContain(phone);
    }

    @Test
    void wholeCallerNumberApprovesToo() {
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(acme, phone)).getString("id");

        var checked = Ringproof.check(acme, id, callerOf(phone));

        assertThat(Http.json(checked).getBoolean("valid")).isTrue();
    }

    @Test
    void wrongCodesCountDownToFailed() {
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(acme, phone)).getString("id");
        String right = callerOf(phone).substring(9);
        String wrong = right.equals("0000") ? "1111" : "0000";

        for (int remaining = 4; remaining >= 0; remaining--) {
            var checked = Http.json(Ringproof.check(acme, id, wrong));
            assertThat(checked.getBoolean("valid")).isFalse();
            assertThat(checked.getInt("remaining_checks")).isEqualTo(remaining);
            assertThat(checked.getString("status")).isEqualTo(remaining == 0 ? "failed" : "pending");
        }
        var afterwards = Ringproof.check(acme, id, right);
        assertThat(afterwards.statusCode()).isEqualTo(409);
        assertThat(Http.json(afterwards).getString("code")).isEqualTo("verification_closed");
    }

    @Test
    void anotherTenantSeesNothingButWhatAnUnknownIdShows() {
        String id = Http.json(Ringproof.start(acme, Ringproof.mobile())).getString("id");
        var other = ringproof.tenant("Other");

        var foreign = other.api().get("api/v1/verifications/" + id);
        var unknown = other.api().get("api/v1/verifications/vf_doesnotexist");
        var foreignCheck = Ringproof.check(other, id, "1234");
        var foreignCancel = other.api().postJson("api/v1/verifications/" + id + "/cancel", "{}");

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(unknown.body());
        assertThat(foreignCheck.statusCode()).isEqualTo(404);
        assertThat(foreignCancel.statusCode()).isEqualTo(404);
        assertThat(Http.json(acme.api().get("api/v1/verifications/" + id)).getString("status"))
                .isEqualTo("pending");
    }

    @Test
    void cancelAndSupersede() {
        String phone = Ringproof.mobile();
        String first = Http.json(Ringproof.start(acme, phone)).getString("id");
        String firstCli = callerOf(phone);
        String second = Http.json(Ringproof.start(acme, phone)).getString("id");

        assertThat(Http.json(acme.api().get("api/v1/verifications/" + first)).getString("status"))
                .isEqualTo("canceled");
        assertThat(Ringproof.check(acme, first, firstCli.substring(9)).statusCode())
                .isEqualTo(409);
        var canceled = acme.api().postJson("api/v1/verifications/" + second + "/cancel", "{}");
        assertThat(Http.json(canceled).getString("status")).isEqualTo("canceled");
        assertThat(acme.api()
                        .postJson("api/v1/verifications/" + second + "/cancel", "{}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void fiftyConcurrentCorrectChecksApproveOnce() throws Exception {
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(acme, phone)).getString("id");
        String code = callerOf(phone).substring(9);

        var statuses =
                InParallel.times(50, () -> Ringproof.check(acme, id, code).statusCode());

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    }

    @Test
    void twentyConcurrentStartsWithOneIdempotencyKeyMakeOneVerificationAndOneCall() throws Exception {
        String phone = Ringproof.mobile();
        String body = "{\"phone\":\"" + phone + "\",\"reference\":\"race\"}";
        String key = "race-" + phone;

        var answers =
                InParallel.times(20, () -> acme.api().postJson("api/v1/verifications", body, "Idempotency-Key", key));

        var ids = answers.stream()
                .filter(r -> r.statusCode() == 201)
                .map(r -> Http.json(r).getString("id"))
                .distinct()
                .toList();
        assertThat(ids).hasSize(1);
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
        var replay = acme.api().postJson("api/v1/verifications", body, "Idempotency-Key", key);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(Http.json(replay).getString("id")).isEqualTo(ids.get(0));
        var reused =
                acme.api().postJson("api/v1/verifications", "{\"phone\":\"" + phone + "\"}", "Idempotency-Key", key);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(Http.json(reused).getString("code")).isEqualTo("idempotency_key_reused");
        assertThat(ringproof.inboxStays(phone, java.time.Duration.ofSeconds(2), inbox -> inbox.size() <= 1))
                .hasSize(1);
    }

    @Test
    void suspendedTenantsAndRevokedKeysAreRefused() {
        var tenant = ringproof.tenant("Soon gone");
        assertThat(Ringproof.start(tenant, Ringproof.mobile()).statusCode()).isEqualTo(201);

        ringproof.admin.send("DELETE", "api/admin/v1/tenants/" + tenant.id(), null, null);
        assertThat(Ringproof.start(tenant, Ringproof.mobile()).statusCode()).isEqualTo(401);

        // a PATCH refused for one of its settings changes nothing, its status included
        var refused = ringproof.admin.send(
                "PATCH",
                "api/admin/v1/tenants/" + tenant.id(),
                "{\"status\":\"active\",\"allowed_countries\":[\"XX\"]}",
                "application/json");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Http.json(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id()))
                        .getString("status"))
                .isEqualTo("suspended");
        assertThat(Ringproof.start(tenant, Ringproof.mobile()).statusCode()).isEqualTo(401);

        ringproof.admin.send(
                "PATCH", "api/admin/v1/tenants/" + tenant.id(), "{\"status\":\"active\"}", "application/json");
        assertThat(Ringproof.start(tenant, Ringproof.mobile()).statusCode()).isEqualTo(201);
        var keys = Http.jsonArray(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id() + "/api-keys"));
        assertThat(keys.getJsonObject(0).containsKey("key")).isFalse();
        ringproof.admin.send(
                "DELETE",
                "api/admin/v1/tenants/" + tenant.id() + "/api-keys/"
                        + keys.getJsonObject(0).getString("id"),
                null,
                null);
        assertThat(Ringproof.start(tenant, Ringproof.mobile()).statusCode()).isEqualTo(401);
    }

    @Test
    void tenantKeysDoNotOpenTheAdminApi() {
        var response = acme.api().get("api/admin/v1/tenants");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).getString("code")).isEqualTo("unauthorized");
    }

    private String callerOf(String phone) {
        var inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
        assertThat(inbox).as("the handset's inbox").isNotEmpty();
        JsonObject call = inbox.getJsonObject(inbox.size() - 1);
        assertThat(call.getString("type")).isEqualTo("call");
        return call.getString("from");
    }

    private static String serverLog() throws java.io.IOException {
        return Files.readString(
                Path.of(System.getProperty("payara.home"), "glassfish/domains/domain1/logs/server.log"));
    }
}
