package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks to a real receiver on loopback, signatures checked by an implementation of the
 * test's own. The test server runs with retries 1 s apart and a 2 s timeout (ear/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class WebhookIT {

    private final Ringproof ringproof = new Ringproof();
    private WebhookReceiver receiver;
    private Ringproof.Tenant tenant;
    private String secret;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @BeforeEach
    void tenantWithWebhook() throws Exception {
        ringproof.londonPool();
        receiver = new WebhookReceiver();
        var created = ringproof.admin.postJson(
                "api/admin/v1/tenants",
                "{\"name\":\"Hooked\",\"webhook_url\":\"" + receiver.url() + "\",\"webhook_allow_private\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var json = Http.json(created);
        secret = json.getString("webhook_secret");
        assertThat(secret).startsWith("whsec_");
        var key = Http.json(ringproof.admin.postJson(
                        "api/admin/v1/tenants/" + json.getString("id") + "/api-keys", "{\"mode\":\"live\"}"))
                .getString("key");
        tenant = new Ringproof.Tenant(json.getString("id"), key, Http.bearer(key));
        assertThat(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id()).body())
                .doesNotContain(secret);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void approvalIsDeliveredSignedTheStandardWebhooksWay() {
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        String cli =
                ringproof.inboxWhen(phone, m -> !m.isEmpty()).getJsonObject(0).getString("from");
        Ringproof.check(tenant, id, cli);

        var event = receiver.awaitAtLeast(1).get(0);

        assertThat(event.id()).startsWith("evt_");
        assertThat(Long.parseLong(event.timestamp()))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(event.signature()).isEqualTo(sign(secret, event));
        var body = Http.json(event.body());
        assertThat(body.getString("type")).isEqualTo("verification.approved");
        assertThat(body.getJsonObject("data").getString("id")).isEqualTo(id);
        assertThat(body.getJsonObject("data").getString("status")).isEqualTo("approved");
        assertThat(event.body()).doesNotContain(cli);
    }

    @Test
    void failuresAreRetriedUntilA2xxWithTheSameId() {
        receiver.answer(500, 500, 500, 200);
        String id = Http.json(Ringproof.start(tenant, Ringproof.mobile())).getString("id");
        tenant.api().postJson("api/v1/verifications/" + id + "/cancel", "{}");

        var got = receiver.awaitAtLeast(4);

        assertThat(Eventually.stays(
                        "four requests", Duration.ofSeconds(3), receiver::received, requests -> requests.size() == 4))
                .hasSize(4);
        assertThat(got.stream().map(WebhookReceiver.Received::id).distinct()).hasSize(1);
        var log = Http.jsonArray(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id() + "/webhook/deliveries"));
        assertThat(log.stream().map(d -> d.asJsonObject().getInt("status_code")).sorted())
                .containsExactly(200, 500, 500, 500);
    }

    @Test
    void goneDisablesTheEndpoint() {
        receiver.answer(410);
        String first = Http.json(Ringproof.start(tenant, Ringproof.mobile())).getString("id");
        tenant.api().postJson("api/v1/verifications/" + first + "/cancel", "{}");
        receiver.awaitAtLeast(1);
        Eventually.until(
                "the endpoint disabled",
                Duration.ofSeconds(15),
                () -> Http.json(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id())),
                t -> t.getString("webhook_disabled_at", null) != null);

        String second = Http.json(Ringproof.start(tenant, Ringproof.mobile())).getString("id");
        tenant.api().postJson("api/v1/verifications/" + second + "/cancel", "{}");

        assertThat(Eventually.stays(
                        "no request after the 410",
                        Duration.ofSeconds(3),
                        receiver::received,
                        requests -> requests.size() == 1))
                .hasSize(1);
        assertThat(Http.json(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id()))
                        .getString("webhook_disabled_at", null))
                .isNotNull();
    }

    @Test
    void aHangingReceiverTimesOutWithoutSlowingTheApi() {
        receiver.answer(WebhookReceiver.HANG, 200);
        String id = Http.json(Ringproof.start(tenant, Ringproof.mobile())).getString("id");
        tenant.api().postJson("api/v1/verifications/" + id + "/cancel", "{}");
        receiver.awaitAtLeast(1);

        long started = System.nanoTime();
        var answer = Ringproof.start(tenant, Ringproof.mobile());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(millis).as("a start while the receiver hangs").isLessThan(2000);
        receiver.awaitAtLeast(2);
        var log = Eventually.until(
                "the timed-out delivery logged",
                Duration.ofSeconds(15),
                () -> Http.jsonArray(
                        ringproof.admin.get("api/admin/v1/tenants/" + tenant.id() + "/webhook/deliveries")),
                logged -> logged.stream()
                        .anyMatch(d -> d.asJsonObject().getString("error", "").equals("timed out")));
        assertThat(log.stream().map(d -> d.asJsonObject().getString("error", "")))
                .contains("timed out");
    }

    @Test
    void rotatedSecretSignsBesideTheOldOneForADay() {
        var rotated = ringproof.admin.postJson("api/admin/v1/tenants/" + tenant.id() + "/webhook/secret", "{}");
        String newSecret = Http.json(rotated).getString("webhook_secret");
        String id = Http.json(Ringproof.start(tenant, Ringproof.mobile())).getString("id");
        tenant.api().postJson("api/v1/verifications/" + id + "/cancel", "{}");

        var event = receiver.awaitAtLeast(1).get(0);

        var signatures = Arrays.asList(event.signature().split(" "));
        assertThat(signatures).containsExactlyInAnyOrder(sign(newSecret, event), sign(secret, event));
    }

    @Test
    void privateAndLoopbackTargetsAreRefusedUnlessAllowed() {
        for (String url : new String[] {
            receiver.url(),
            "https://127.0.0.1/hook",
            "https://localhost/hook",
            "https://169.254.169.254/latest",
            "https://10.0.0.7/hook",
            "https://[::1]/hook",
            "https://192.168.1.1/"
        }) {
            var response = ringproof.admin.postJson(
                    "api/admin/v1/tenants", "{\"name\":\"Nosy\",\"webhook_url\":\"" + url + "\"}");
            assertThat(response.statusCode()).as(url).isEqualTo(400);
            assertThat(Http.json(response)
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("field"))
                    .isEqualTo("webhook_url");
        }
    }

    /** Standard Webhooks, computed independently of the server's code. */
    private static String sign(String secret, WebhookReceiver.Received event) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] digest = mac.doFinal(
                    (event.id() + "." + event.timestamp() + "." + event.body()).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
