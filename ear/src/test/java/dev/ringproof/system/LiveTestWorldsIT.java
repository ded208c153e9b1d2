package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live and test traffic are two worlds (docs/live-and-test.md): one tenant's live and test keys see only
 * their own world's verifications, claim idempotency keys apart, and test starts neither use
 * up a real number's limits, nor get a prefix blocked for live traffic, nor stop at the spend
 * cap; on a closed sandbox a test key's handset settings hold for its tenant's test traffic
 * only. The conversion watch is tripped in +44757, which no other test dials.
 */
@ExtendWith(ArquillianExtension.class)
class LiveTestWorldsIT {

    private static final String VERIFICATIONS = "api/v1/verifications";
    private static final String WATCHED = "+44757";
    /** fraud.conversion.min-starts of the test server (ear/pom.xml). */
    private static final int CONVERSION_MIN_STARTS = 150;

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    /** A tenant with a key of each world. */
    private record Worlds(String tenantId, Http live, Http test) {}

    private Worlds worlds(String settingsJson) {
        var tenant = ringproof.tenant(settingsJson, "live");
        return new Worlds(tenant.id(), tenant.api(), key(tenant.id(), "test"));
    }

    @Test
    void aKeySeesOnlyItsOwnWorldsVerificationsAndTheOtherWorldsAnswer404LikeAnUnknownId() {
        ringproof.londonPool();
        var acme = worlds("{\"name\":\"Two worlds\"}");
        String liveId = started(acme.live(), Ringproof.mobile());
        String testId = started(acme.test(), Ringproof.mobile());

        for (var pair : new Object[][] {{acme.test(), liveId}, {acme.live(), testId}}) {
            Http api = (Http) pair[0];
            String id = (String) pair[1];
            String unknown = api.get(VERIFICATIONS + "/vf_unknown").body();
            for (var answer : List.of(
                    api.get(VERIFICATIONS + "/" + id),
                    api.postJson(VERIFICATIONS + "/" + id + "/check", "{\"code\":\"1234\"}"),
                    api.postJson(VERIFICATIONS + "/" + id + "/cancel", "{}"),
                    api.postJson(VERIFICATIONS + "/" + id + "/next", "{}"))) {
                assertThat(answer.statusCode())
                        .as(answer.request().uri() + ": " + answer.body())
                        .isEqualTo(404);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(answer.body()).as("the same body as an unknown id").isEqualTo(unknown);
            }
        }

        for (var own : new Object[][] {{acme.live(), liveId}, {acme.test(), testId}}) {
            var seen = Http.json(((Http) own[0]).get(VERIFICATIONS + "/" + own[1]));
            assertThat(seen.getString("status"))
                    .as("untouched by the other world")
                    .isEqualTo("pending");
            assertThat(seen.getInt("remaining_checks")).isEqualTo(5);
            assertThat(seen.getJsonArray("attempts")).hasSize(1);
        }
    }

    @Test
    void oneIdempotencyKeyUsedByTheLiveAndTheTestKeyMakesTwoVerifications() {
        ringproof.londonPool();
        var acme = worlds("{\"name\":\"Idempotent worlds\"}");
        String body = "{\"phone\":\"" + Ringproof.mobile() + "\"}";
        String key = "order-" + Instant.now().toEpochMilli();

        var live = acme.live().postJson(VERIFICATIONS, body, "Idempotency-Key", key);
        var test = acme.test().postJson(VERIFICATIONS, body, "Idempotency-Key", key);
        var liveAgain = acme.live().postJson(VERIFICATIONS, body, "Idempotency-Key", key);

        assertThat(live.statusCode()).as(live.body()).isEqualTo(201);
        assertThat(test.statusCode()).as(test.body()).isEqualTo(201);
        assertThat(test.headers().firstValue("Idempotent-Replayed"))
                .as("not the live answer again")
                .isEmpty();
        assertThat(Http.json(test).getString("id")).isNotEqualTo(Http.json(live).getString("id"));
        assertThat(Http.json(liveAgain).getString("id"))
                .as("each world still replays its own")
                .isEqualTo(Http.json(live).getString("id"));
        assertThat(liveAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    /** The shipped policy rl_default_phone_start: 5 starts per number an hour. */
    @Test
    void testStartsThatUseUpANumbersLimitLeaveItsLiveStartsAlone() {
        ringproof.londonPool();
        var acme = worlds("{\"name\":\"Limited worlds\"}");
        String phone = Ringproof.mobile();
        for (int i = 0; i < 5; i++) {
            started(acme.test(), phone);
        }
        var sixth = acme.test().postJson(VERIFICATIONS, "{\"phone\":\"" + phone + "\"}");
        assertThat(sixth.statusCode())
                .as("test traffic is limited too: " + sixth.body())
                .isEqualTo(429);

        var live = acme.live().postJson(VERIFICATIONS, "{\"phone\":\"" + phone + "\"}");

        assertThat(live.statusCode()).as(live.body()).isEqualTo(201);
        var hits = Http.jsonArray(ringproof.admin.get("api/admin/v1/rate-limits/hits"))
                .getValuesAs(JsonObject.class);
        assertThat(hits).as("the used-up counter is listed as test traffic's").anySatisfy(h -> {
            assertThat(h.getString("policy_id")).isEqualTo("rl_default_phone_start");
            assertThat(h.getString("subject")).endsWith(phone.substring(phone.length() - 2));
            assertThat(h.getBoolean("test")).isTrue();
        });
    }

    @Test
    void testTrafficThatTripsTheConversionWatchBlocksThePrefixForTestTrafficOnly() {
        ringproof.londonPool();
        var prober = worlds("{\"name\":\"Sandbox prober\",\"workflow\":[\"missed_call\"]}");
        var other = ringproof.tenant("{\"name\":\"Real traffic\",\"workflow\":[\"missed_call\"]}", "live");
        try {
            for (int i = 0; i < CONVERSION_MIN_STARTS; i++) {
                var start = prober.test()
                        .postJson(VERIFICATIONS, "{\"phone\":\"" + WATCHED + String.format("0%06d", i) + "\"}");
                assertThat(start.statusCode())
                        .as("test start %d: %s", i, start.body())
                        .isEqualTo(201);
            }
            var refused = prober.test().postJson(VERIFICATIONS, "{\"phone\":\"" + WATCHED + "1000000\"}");
            assertThat(refused.statusCode())
                    .as("the watch still judges test traffic: " + refused.body())
                    .isEqualTo(403);
            assertThat(Http.json(refused).getString("code")).isEqualTo("fraud_blocked");

            var othersLive = Ringproof.start(other, WATCHED + "1000001");
            var ownLive = prober.live().postJson(VERIFICATIONS, "{\"phone\":\"" + WATCHED + "1000002\"}");

            assertThat(othersLive.statusCode())
                    .as("another tenant's live start: " + othersLive.body())
                    .isEqualTo(201);
            assertThat(ownLive.statusCode())
                    .as("the tenant's own live start: " + ownLive.body())
                    .isEqualTo(201);
            assertThat(blocksOf(WATCHED))
                    .singleElement()
                    .satisfies(b -> assertThat(b.getBoolean("test")).isTrue())
                    .satisfies(b -> assertThat(b.getString("reason")).isEqualTo("conversion"));
        } finally {
            blocksOf(WATCHED)
                    .forEach(b ->
                            ringproof.admin.send("DELETE", "api/admin/v1/blocks/" + b.getString("id"), null, null));
        }
    }

    @Test
    void aReachedSpendCapStopsLiveStartsOnlySinceTestTrafficIsNeverBilled() {
        ringproof.londonPool();
        var capped = worlds("{\"name\":\"Capped worlds\",\"daily_spend_cap\":\"0.0000\"}");

        var live = capped.live().postJson(VERIFICATIONS, "{\"phone\":\"" + Ringproof.mobile() + "\"}");
        var test = capped.test().postJson(VERIFICATIONS, "{\"phone\":\"" + Ringproof.mobile() + "\"}");

        assertThat(live.statusCode()).as(live.body()).isEqualTo(403);
        assertThat(Http.json(live).getString("detail")).contains("spend cap");
        assertThat(test.statusCode()).as(test.body()).isEqualTo(201);
    }

    /**
     * On a closed sandbox a test key's handset setting holds for its tenant's test traffic:
     * another tenant's test traffic and live traffic to the same number ring as before.
     */
    @Test
    void onAClosedSandboxATestKeySetsItsOwnTenantsHandsetOnly() throws Exception {
        ringproof.londonPool();
        String workflow = "\"workflow\":[\"missed_call\",\"sms\"]";
        var setter = worlds("{\"name\":\"Handset setter\"," + workflow + "}");
        var neighbour = worlds("{\"name\":\"Handset neighbour\"," + workflow + "}");
        String phone = Ringproof.mobile();
        var server = new PayaraProcess();
        server.asadmin(
                "set-config-property", "--source=domain", "--propertyName=sandbox.open", "--propertyValue=false");
        try {
            awaitStatus(() -> ringproof.anonymous.get("api/sandbox/v1/handsets/" + phone + "/inbox"), 401);
            var set = setter.test()
                    .send("PUT", "api/sandbox/v1/handsets/" + phone, "{\"calls\":\"unreachable\"}", "application/json");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(Http.json(set).getString("calls")).isEqualTo("unreachable");
            assertThat(Http.json(neighbour.test().get("api/sandbox/v1/handsets/" + phone))
                            .getString("calls"))
                    .as("the neighbour's view of the handset")
                    .isEqualTo("ring");

            started(neighbour.test(), phone);
            String liveId = started(setter.live(), phone);
            started(setter.test(), phone);

            assertThat(firstReceived(neighbour.test(), phone))
                    .as("the neighbour's test call rang")
                    .isEqualTo("call");
            assertThat(firstReceived(setter.test(), phone))
                    .as("the setter's own test call did not")
                    .isEqualTo("sms");
            var live = awaitJson(
                    () -> setter.live().get(VERIFICATIONS + "/" + liveId),
                    v -> !v.getJsonArray("attempts")
                            .getJsonObject(0)
                            .getString("status")
                            .equals("queued"));
            assertThat(live.getJsonArray("attempts").getJsonObject(0).getString("status"))
                    .as("live traffic rang: " + live)
                    .isIn("sent", "delivered");
            assertThat(live.getString("channel")).isEqualTo("missed_call");
        } finally {
            server.asadmin("delete-config-property", "--source=domain", "--propertyName=sandbox.open");
            awaitStatus(() -> ringproof.anonymous.get("api/sandbox/v1/handsets/" + phone + "/inbox"), 200);
        }
    }

    private Http key(String tenantId, String mode) {
        var key = ringproof.admin.postJson(
                "api/admin/v1/tenants/" + tenantId + "/api-keys",
                "{\"label\":\"" + mode + " world\",\"mode\":\"" + mode + "\"}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        return Http.bearer(Http.json(key).getString("key"));
    }

    private static String started(Http api, String phone) {
        var started = api.postJson(VERIFICATIONS, "{\"phone\":\"" + phone + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return Http.json(started).getString("id");
    }

    /** The type of the first message a tenant's test traffic brought to the handset, waiting up to 60 s. */
    private static String firstReceived(Http testKey, String phone) {
        JsonArray inbox = Http.jsonArray(await(
                () -> testKey.get("api/sandbox/v1/handsets/" + phone + "/inbox"),
                r -> r.statusCode() == 200 && !Http.jsonArray(r).isEmpty(),
                Duration.ofSeconds(60)));
        return inbox.getJsonObject(0).getString("type");
    }

    private List<JsonObject> blocksOf(String prefix) {
        var answer = ringproof.admin.get("api/admin/v1/blocks");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.jsonArray(answer).getValuesAs(JsonObject.class).stream()
                .filter(b -> b.getString("prefix").equals(prefix))
                .toList();
    }

    /** Waits for a configuration change to reach the application (MicroProfile Config caches values up to 60 s). */
    private static void awaitStatus(Supplier<HttpResponse<String>> request, int status) {
        var last = await(request, r -> r.statusCode() == status, Duration.ofSeconds(90));
        assertThat(last.statusCode()).as(last.body()).isEqualTo(status);
    }

    private static JsonObject awaitJson(Supplier<HttpResponse<String>> request, Predicate<JsonObject> condition) {
        return Http.json(
                await(request, r -> r.statusCode() == 200 && condition.test(Http.json(r)), Duration.ofSeconds(60)));
    }

    private static HttpResponse<String> await(
            Supplier<HttpResponse<String>> request, Predicate<HttpResponse<String>> condition, Duration patience) {
        return Eventually.until("the awaited answer", patience, request::get, condition);
    }
}
