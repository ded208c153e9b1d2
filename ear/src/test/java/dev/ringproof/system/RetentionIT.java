package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The retention job on the real server (docs/configuration.md, retention), with its ages cut to
 * a second through the domain's config properties (the test server caches config for 1 s): an
 * ended verification's number is masked and its sandbox messages deleted, a pending one keeps
 * its number, the billing report is the same byte for byte, and the job counts what it did.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    private final Ringproof ringproof = new Ringproof();
    private final PayaraProcess server = new PayaraProcess();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void endedVerificationsLoseTheirNumberAndSandboxMessagesWhileBillingStaysTheSame() throws Exception {
        var tenant = ringproof.tenant("{\"name\":\"Retention Co\",\"workflow\":[\"sms\"]}", "live");
        String ended = Ringproof.mobile();
        String pending = Ringproof.mobile();
        String endedId = Http.json(Ringproof.start(tenant, ended)).getString("id");
        String text = ringproof
                .inboxWhen(ended, messages -> !messages.isEmpty())
                .getJsonObject(0)
                .getString("text");
        var code = Pattern.compile("(\\d{6})").matcher(text);
        assertThat(code.find()).as(text).isTrue();
        assertThat(Http.json(Ringproof.check(tenant, endedId, code.group(1))).getString("status"))
                .isEqualTo("approved");
        String pendingId = Http.json(Ringproof.start(tenant, pending)).getString("id");
        ringproof.inboxWhen(pending, messages -> !messages.isEmpty());
        String usage = "api/billing/v1/usage?from=" + LocalDate.now(ZoneOffset.UTC) + "&to="
                + LocalDate.now(ZoneOffset.UTC) + "&tenant=" + tenant.id();
        String billedBefore = ringproof
                .admin
                .send("GET", usage, null, null, "Accept", "text/csv")
                .body();
        assertThat(billedBefore).contains(tenant.id());
        double removedBefore = removed("phone_numbers");

        try {
            set("retention.phone-numbers", "PT1S");
            set("retention.sandbox-and-codes", "PT1S");
            set("retention.interval", "PT1S");

            Eventually.until(
                    "the number of " + endedId + " masked",
                    Duration.ofSeconds(60),
                    () -> tenant.api().get("api/v1/verifications/" + endedId).body(),
                    body -> body.contains("\"phone\":\"+44*") && !body.contains(ended));
            Eventually.until(
                    "the sandbox inbox of " + ended + " emptied",
                    Duration.ofSeconds(60),
                    () -> ringproof.inbox(ended),
                    messages -> messages.isEmpty());
        } finally {
            for (String key :
                    new String[] {"retention.phone-numbers", "retention.sandbox-and-codes", "retention.interval"}) {
                server.asadmin("delete-config-property", "--source=domain", "--propertyName=" + key);
            }
        }
        assertThat(tenant.api().get("api/v1/verifications/" + pendingId).body()).contains(pending);
        assertThat(ringproof
                        .admin
                        .send("GET", usage, null, null, "Accept", "text/csv")
                        .body())
                .isEqualTo(billedBefore);
        assertThat(removed("phone_numbers")).isGreaterThan(removedBefore);
    }

    /**
     * A prefix's minute of traffic is deleted once neither the retention setting nor the fraud
     * watches' look-back (here both cut to a second) reaches it: the minute has to end first.
     */
    @Test
    void aPrefixsMinutesOfTrafficAreDeletedOnceNothingReadsThem() throws Exception {
        var tenant = ringproof.tenant("{\"name\":\"Retention Traffic Co\",\"workflow\":[\"sms\"]}", "live");
        assertThat(Ringproof.start(tenant, Ringproof.mobile()).statusCode()).isEqualTo(201);
        double removedBefore = removed("prefix_traffic");
        // the fraud settings are reset first: the retention settings' resets after them take longer than the
        // server's 1-s config cache, so no request after this test meets the short windows; none comes during it
        String[] keys = {
            "fraud.velocity.window",
            "fraud.velocity.baseline",
            "fraud.conversion.window",
            "retention.prefix-traffic",
            "retention.interval"
        };
        try {
            for (String key : keys) {
                set(key, "PT1S");
            }
            Eventually.until(
                    "the minute of that start's traffic deleted",
                    Duration.ofSeconds(100),
                    () -> removed("prefix_traffic"),
                    removed -> removed > removedBefore);
        } finally {
            for (String key : keys) {
                server.asadmin("delete-config-property", "--source=domain", "--propertyName=" + key);
            }
        }
    }

    /**
     * A delivered webhook event's payload is emptied once its last attempt is older than the
     * setting (here a second): the step that walks on from its mark empties it and counts it.
     */
    @Test
    void aDeliveredWebhookEventsPayloadIsEmptied() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            var tenant = ringproof.tenant(
                    "{\"name\":\"Retention Hooked\",\"workflow\":[\"sms\"],\"webhook_url\":\"" + receiver.url()
                            + "\",\"webhook_allow_private\":true}",
                    "live");
            String id = Http.json(Ringproof.start(tenant, Ringproof.mobile())).getString("id");
            assertThat(Http.json(tenant.api().postJson("api/v1/verifications/" + id + "/cancel", "{}"))
                            .getString("status"))
                    .isEqualTo("canceled");
            assertThat(receiver.awaitAtLeast(1)).isNotEmpty();
            double emptiedBefore = removed("webhook_payloads");
            String[] keys = {"retention.webhook-payloads", "retention.interval"};
            try {
                for (String key : keys) {
                    set(key, "PT1S");
                }
                Eventually.until(
                        "the payload of " + id + "'s event emptied",
                        Duration.ofSeconds(60),
                        () -> removed("webhook_payloads"),
                        emptied -> emptied > emptiedBefore);
            } finally {
                for (String key : keys) {
                    server.asadmin("delete-config-property", "--source=domain", "--propertyName=" + key);
                }
            }
        }
    }

    private void set(String key, String value) throws Exception {
        server.asadmin("set-config-property", "--source=domain", "--propertyName=" + key, "--propertyValue=" + value);
    }

    /** The retention job's count of {@code what} so far (0 before its first). */
    private double removed(String what) {
        var metrics = ringproof.anonymous.get("metrics?scope=application").body();
        var found = Pattern.compile(
                        "(?m)^ringproof_retention_removed_total\\{[^}]*what=\"" + what + "\"[^}]*} ([0-9.]+)")
                .matcher(metrics);
        return found.find() ? Double.parseDouble(found.group(1)) : 0;
    }
}
