package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A tenant's webhook in the console, against a real receiver on loopback (allowed for this
 * tenant by the admin): the delivery log shows each attempt with its status and latency, a
 * replay from the console reaches the receiver again under the same webhook-id, and a 410
 * shows the endpoint disabled until an admin re-enables it. Retries are 1 s apart (ear/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleWebhooksIT {

    private final Ringproof ringproof = new Ringproof();
    private WebhookReceiver receiver;
    private Ringproof.Tenant tenant;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @BeforeEach
    void tenantWithAWebhookOnLoopback() throws Exception {
        ringproof.londonPool();
        receiver = new WebhookReceiver();
        tenant = ringproof.tenant(
                "{\"name\":\"Hooked console\",\"webhook_url\":\"" + receiver.url()
                        + "\",\"webhook_allow_private\":true}",
                "live");
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void deliveryLogShowsAttemptsReplaysAndTheEndpointDisabledByGone() {
        receiver.answer(500, 200);
        String eventId = canceledEvent(2).get(0).id();
        var logged = deliveriesWhen(2);

        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("tenants/webhook.xhtml?tenant=" + tenant.id());
            assertThat(browser.await(By.id("endpoint:webhook-url")).getText()).isEqualTo(receiver.url());
            assertThat(browser.driver
                            .findElement(By.id("endpoint:webhook-state"))
                            .getText())
                    .isEqualTo("enabled");
            var rows = rows(browser);
            assertThat(rows).hasSize(2);
            // newest first: the 200 of attempt 2 above the 500 of attempt 1, each with the latency the API logged
            assertRow(rows.get(0), eventId, "2", "200", latencyOf(logged, 2));
            assertRow(rows.get(1), eventId, "1", "500", latencyOf(logged, 1));
            assertThat(browser.driver.findElements(By.id("log:older"))).isEmpty();

            rows.get(0).findElement(By.cssSelector("button[id$=':replay']")).click();
            browser.awaitText(By.id("messages"), "Replaying " + eventId);
            var again = receiver.awaitAtLeast(3);
            assertThat(again).hasSize(3);
            assertThat(again.get(2).id()).as("a replay is the same event").isEqualTo(eventId);
            assertThat(again.get(2).body()).isEqualTo(again.get(0).body());
            deliveriesWhen(3);
            browser.open("tenants/webhook.xhtml?tenant=" + tenant.id());
            assertRow(rows(browser).get(0), eventId, "1", "200", latencyOf(deliveriesWhen(3), 1, 0));

            receiver.answer(410);
            String goneEvent = canceledEvent(4).get(3).id();
            deliveriesWhen(4);
            awaitDisabled();
            browser.open("tenants/webhook.xhtml?tenant=" + tenant.id());
            assertThat(browser.await(By.id("endpoint:webhook-state")).getText()).isEqualTo("disabled");
            assertThat(browser.driver
                            .findElement(By.id("endpoint:webhook-disabled"))
                            .getText())
                    .contains("Deliveries stopped at")
                    .contains("410 Gone")
                    .contains(goneEvent);
            assertRow(rows(browser).get(0), goneEvent, "1", "410", latencyOf(deliveriesWhen(4), 1, 0));
            browser.screenshot("tenant-webhook");

            browser.driver.findElement(By.id("endpoint:reenable")).click();
            browser.await(By.cssSelector(".ui-confirmdialog-yes")).click();
            assertThat(browser.await(By.id("webhook-secret")).getText()).startsWith("whsec_");
            assertThat(browser.await(By.id("endpoint:webhook-state")).getText()).isEqualTo("enabled");
        }
        var reenabled = Http.json(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id()));
        assertThat(reenabled.getString("webhook_disabled_at", null))
                .as("re-enabled through the console")
                .isNull();
        assertThat(canceledEvent(5)).hasSize(5);
    }

    @Test
    void anUnknownTenantHasNoWebhookPage() {
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("tenants/webhook.xhtml?tenant=tn_nobody");
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("404");
        }
    }

    /** Starts and cancels a verification, and waits until the receiver got {@code total} requests in all. */
    private List<WebhookReceiver.Received> canceledEvent(int total) {
        var started = Ringproof.start(tenant, Ringproof.mobile());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        var canceled = tenant.api()
                .postJson("api/v1/verifications/" + Http.json(started).getString("id") + "/cancel", "{}");
        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        var received = receiver.awaitAtLeast(total);
        assertThat(received).hasSize(total);
        return received;
    }

    /** The admin API's delivery log, once it holds {@code count} attempts (the receiver answers before they are logged). */
    private List<JsonObject> deliveriesWhen(int count) {
        List<JsonObject> log = Eventually.until(
                count + " logged deliveries",
                Duration.ofSeconds(15),
                () -> Http.jsonArray(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id() + "/webhook/deliveries"))
                        .getValuesAs(JsonObject.class),
                logged -> logged.size() >= count);
        assertThat(log).hasSize(count);
        return log;
    }

    private void awaitDisabled() {
        Eventually.until(
                "the endpoint disabled",
                Duration.ofSeconds(15),
                () -> Http.json(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id())),
                t -> t.getString("webhook_disabled_at", null) != null);
    }

    /** The latency the API logged for the attempt with this number (the newest such, newest first). */
    private static String latencyOf(List<JsonObject> log, int attempt) {
        return latencyOf(log, attempt, 0);
    }

    private static String latencyOf(List<JsonObject> log, int attempt, int skip) {
        return log.stream()
                .filter(d -> d.getInt("attempt") == attempt)
                .skip(skip)
                .findFirst()
                .orElseThrow()
                .getJsonNumber("latency_ms")
                .toString();
    }

    private static List<WebElement> rows(Browser browser) {
        return browser.await(By.id("log:table")).findElements(By.cssSelector("tbody tr"));
    }

    private static void assertRow(WebElement row, String eventId, String attempt, String status, String latency) {
        var cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isEqualTo(eventId);
        assertThat(cells.get(1).getText()).isEqualTo("verification.canceled");
        assertThat(cells.get(2).getText()).isEqualTo(attempt);
        assertThat(cells.get(3).getText()).isEqualTo(status);
        assertThat(cells.get(4).getText()).isEqualTo(latency);
        assertThat(cells.get(5).getText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
    }
}
