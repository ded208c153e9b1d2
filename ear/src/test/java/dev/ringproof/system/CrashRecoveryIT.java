package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guarantee we sell: a fallback that falls due while the server is dead fires once
 * when it is back. The test kills the managed server with {@code kill -9} while the
 * missed calls are still being sent, waits past the fallback time, and starts it again.
 */
@ExtendWith(ArquillianExtension.class)
class CrashRecoveryIT {

    static final int VERIFICATIONS = 20;
    static final int FALLBACK_SECONDS = 4;

    private final Ringproof ringproof = new Ringproof();
    private final PayaraProcess server = new PayaraProcess();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void fallbacksDueWhileTheServerIsDeadFireExactlyOnceAfterRestart() throws Exception {
        ringproof.londonPool();
        var tenant = ringproof.tenant(
                "{\"name\":\"Crashproof\",\"workflow\":[\"missed_call\",\"sms\"],"
                        + "\"fallback_after_seconds\":{\"missed_call\":" + FALLBACK_SECONDS + "}}",
                "live");
        List<String> phones = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < VERIFICATIONS; i++) {
            String phone = Ringproof.mobile();
            var started = Ringproof.start(tenant, phone);
            assertThat(started.statusCode()).isEqualTo(201);
            phones.add(phone);
            ids.add(Http.json(started).getString("id"));
        }

        var receiver = new WebhookReceiver();
        String canceled = webhookEventJustBeforeTheCrash(receiver);

        server.killHard();
        Ringproof.sleep(Duration.ofSeconds(FALLBACK_SECONDS + 3)); // the fallbacks fall due while it is dead
        long logMark = server.logSize();
        server.start();

        // what the broker lost in the crash is relayed again from the outbox some 20 s after it fell due
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        for (String phone : phones) {
            ringproof.inboxWhen(
                    phone,
                    messages -> messages.size() >= 2,
                    Duration.between(Instant.now(), deadline).plusMillis(1));
        }
        // and nothing fires twice: every handset keeps its two messages
        Eventually.stays(
                "two messages on every handset",
                Duration.ofSeconds(3),
                () -> phones.stream()
                        .mapToInt(phone -> ringproof.inbox(phone).size())
                        .boxed()
                        .toList(),
                sizes -> sizes.stream().allMatch(size -> size == 2));
        for (int i = 0; i < VERIFICATIONS; i++) {
            String phone = phones.get(i);
            String id = ids.get(i);
            var types = ringproof.inbox(phone).stream()
                    .map(m -> m.asJsonObject().getString("type"))
                    .toList();
            assertThat(types)
                    .as(() -> "what " + phone + " received; " + id + " is "
                            + tenant.api().get("api/v1/verifications/" + id).body()
                            + "; readiness " + new Http().get("health/ready").body()
                            + "; server log since the restart:\n" + server.problemsLoggedSince(logMark))
                    .containsExactly("call", "sms");
            var verification = Http.json(tenant.api().get("api/v1/verifications/" + ids.get(i)));
            assertThat(verification.getString("channel")).isEqualTo("sms");
            assertThat(verification.getJsonArray("attempts")).hasSize(2);
        }
        assertThat(overdueOutboxMessages())
                .as("every relayed message was consumed")
                .isZero();
        var events = receiver.awaitAtLeast(1);
        receiver.close();
        assertThat(events)
                .extracting(WebhookReceiver.Received::body)
                .anySatisfy(body ->
                        assertThat(body).contains("verification.canceled").contains(canceled));
        assertThat(events.stream().map(WebhookReceiver.Received::id).distinct()).hasSize(1);
    }

    /** A tenant whose webhook hears a cancel committed right before the kill: the event must still arrive. */
    private String webhookEventJustBeforeTheCrash(WebhookReceiver receiver) {
        var hooked = Http.json(ringproof.admin.postJson(
                "api/admin/v1/tenants",
                "{\"name\":\"Hooked crash\"," + "\"webhook_url\":\"" + receiver.url()
                        + "\",\"webhook_allow_private\":true}"));
        String key = Http.json(ringproof.admin.postJson(
                        "api/admin/v1/tenants/" + hooked.getString("id") + "/api-keys", "{\"mode\":\"live\"}"))
                .getString("key");
        var tenant = new Ringproof.Tenant(hooked.getString("id"), key, Http.bearer(key));
        String id = Http.json(Ringproof.start(tenant, Ringproof.mobile())).getString("id");
        receiver.answer(503);
        assertThat(tenant.api()
                        .postJson("api/v1/verifications/" + id + "/cancel", "{}")
                        .statusCode())
                .isEqualTo(200);
        return id;
    }

    private long overdueOutboxMessages() {
        var checks = Http.json(new Http().get("health/ready")).getJsonArray("checks");
        var value = checks.getJsonObject(0).getJsonObject("data").get("outbox_overdue");
        return Long.parseLong(value.toString().replace("\"", ""));
    }
}
