package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The console's rate-limit, fraud and price pages in a real browser against the real EAR,
 * each change read back through the admin API. The pumped prefix +44756 is dialled by no other
 * test; its block is lifted afterwards even when a test fails half-way.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleFraudIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String POLICIES = "api/admin/v1/rate-limits";
    private static final String BLOCKS = "api/admin/v1/blocks";
    private static final String PRICES = "api/admin/v1/prices";
    private static final String PUMPED = "+44756";

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @AfterEach
    void liftBlocksMadeHere() {
        list(BLOCKS).stream()
                .filter(b -> b.getString("prefix").equals(PUMPED))
                .forEach(b -> ringproof.admin.send("DELETE", BLOCKS + "/" + b.getString("id"), null, null));
    }

    @Test
    void anAdminAddsAPerTenantLimitSeesItHitAndDeletesItWhileBadLimitsChangeNothing() {
        String hostile = hostileName();
        var tenant = ringproof.tenant("{\"name\":\"" + hostile + "\",\"workflow\":[\"sms\"]}", "live");
        int before = list(POLICIES).size();
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("ratelimits/list.xhtml");
            pickTenant(browser, tenant.id());
            browser.type(By.id("create:window"), "3600");
            for (String bad : new String[] {"0", "ten"}) {
                browser.type(By.id("create:limit"), bad);
                browser.driver.findElement(By.id("create:create-policy")).click();
                assertThat(browser.await(messageFor("create:limit")).getText())
                        .as(bad)
                        .contains("whole number from 1 to 1000000");
                assertThat(list(POLICIES)).as(bad).hasSize(before);
            }

            browser.type(By.id("create:limit"), "1");
            browser.type(By.id("create:match"), "44abc");
            browser.driver.findElement(By.id("create:create-policy")).click();
            assertThat(browser.await(messageFor("create:match")).getText()).contains("E.164 prefix");
            assertThat(list(POLICIES)).hasSize(before);

            browser.await(By.id("create:match")).clear();
            browser.driver.findElement(By.id("create:create-policy")).click();
            browser.awaitText(By.id("messages"), "Created rl_");
            var policy = list(POLICIES).stream()
                    .filter(p -> tenant.id().equals(p.getString("tenant_id", null)))
                    .findFirst()
                    .orElseThrow();
            assertThat(policy.getString("scope")).isEqualTo("phone");
            assertThat(policy.getString("action")).isEqualTo("start");
            assertThat(policy.getInt("limit")).isEqualTo(1);
            assertThat(policy.getInt("window_seconds")).isEqualTo(3600);
            String id = policy.getString("id");
            var row = By.xpath("//*[@id='policies:table']//tr[.//code[normalize-space()='" + id + "']]");
            assertThat(browser.await(row)
                            .findElement(By.className("tenant-name"))
                            .getText())
                    .isEqualTo(hostile);
            assertNothingRan(browser);

            String phone = Ringproof.mobile();
            assertThat(Ringproof.start(tenant, phone).statusCode()).isEqualTo(201);
            assertThat(Ringproof.start(tenant, phone).statusCode())
                    .as("the console's limit of 1")
                    .isEqualTo(429);
            browser.open("ratelimits/list.xhtml");
            assertThat(browser.await(By.id("hits:table")).getText())
                    .contains(id)
                    .contains(phone.substring(0, 3)
                            + "*".repeat(phone.length() - 5)
                            + phone.substring(phone.length() - 2))
                    .doesNotContain(phone);
            browser.screenshot("rate-limits");

            browser.driver
                    .findElement(By.xpath("//*[@id='policies:table']//tr[.//code[normalize-space()='" + id
                            + "']]//button[contains(., 'Delete')]"))
                    .click();
            browser.await(By.cssSelector(".ui-confirmdialog-yes")).click();
            browser.awaitText(By.id("messages"), "Deleted " + id);
            assertThat(list(POLICIES))
                    .noneMatch(p -> p.getString("id").equals(id))
                    .hasSize(before);
            assertThat(Ringproof.start(tenant, phone).statusCode())
                    .as("the limit is gone")
                    .isEqualTo(201);
        }
    }

    @Test
    void aPumpedPrefixIsUnblockedFromTheConsoleAndACappedTenantShowsWhy() {
        var pumper = ringproof.tenant("{\"name\":\"Pumper\",\"workflow\":[\"sms\"]}", "live");
        String capped = hostileName();
        ringproof.tenant("{\"name\":\"" + capped + "\",\"daily_spend_cap\":\"0\"}", "live");
        int refusedAt = -1;
        for (int i = 0; i < 300 && refusedAt < 0; i++) {
            if (Ringproof.start(pumper, PUMPED + String.format("0%06d", i)).statusCode() == 403) {
                refusedAt = i;
            }
        }
        // nothing pumped is approved, so the conversion watch (150 starts in the test server)
        // blocks the prefix before the velocity watch (200) would
        assertThat(refusedAt)
                .as("fraud.conversion.min-starts of the test server")
                .isEqualTo(150);
        assertThat(list(BLOCKS)).anyMatch(b -> b.getString("prefix").equals(PUMPED));

        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("ratelimits/list.xhtml");
            var row =
                    browser.await(By.xpath("//*[@id='blocks:table']//tr[.//code[normalize-space()='" + PUMPED + "']]"));
            assertThat(row.getText()).contains("conversion").contains("0 of 150 starts approved");
            assertThat(browser.driver.findElement(By.id("caps:table")).findElements(By.className("tenant-name")))
                    .anyMatch(link -> link.getText().equals(capped));
            assertNothingRan(browser);
            browser.screenshot("fraud-blocks");

            row.findElement(By.xpath(".//button[contains(., 'Unblock')]")).click();
            browser.await(By.cssSelector(".ui-confirmdialog-yes")).click();
            browser.awaitText(By.id("messages"), "Unblocked " + PUMPED);
            assertThat(browser.driver.findElement(By.id("blocks:table")).getText())
                    .doesNotContain(PUMPED);
        }
        assertThat(list(BLOCKS)).noneMatch(b -> b.getString("prefix").equals(PUMPED));
        assertThat(Ringproof.start(pumper, PUMPED + "1000000").statusCode())
                .as("unblocked")
                .isEqualTo(201);
    }

    @Test
    void anAdminSetsAPriceThatLaterAttemptsPayAndAWrongOneChangesNothing() {
        int before = list(PRICES).size();
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("prices/list.xhtml");
            assertThat(browser.await(By.id("set:currency")).getAttribute("value"))
                    .isEqualTo("EUR");
            pickChannel(browser, "voice");
            browser.type(By.id("set:country"), "IS");
            browser.type(By.id("set:unit-price"), "0.00001");
            browser.driver.findElement(By.id("set:set-price")).click();
            assertThat(browser.await(messageFor("set:unit-price")).getText()).contains("at most 4 decimals");
            assertThat(list(PRICES)).hasSize(before);

            for (String price : new String[] {"0.1234", "0.2"}) {
                pickChannel(browser, "voice");
                browser.type(By.id("set:country"), "is");
                browser.type(By.id("set:unit-price"), price);
                browser.driver.findElement(By.id("set:set-price")).click();
                browser.awaitText(By.id("messages"), "now costs");
            }
            var inForce = browser.await(
                    By.xpath("//*[@id='prices:table']//tbody/tr[contains(., 'voice') and contains(., 'IS')]"));
            assertThat(inForce.getText()).contains("0.2000").contains("EUR").doesNotContain("0.1234");
            assertThat(browser.driver.findElement(By.id("history:table")).getText())
                    .contains("0.1234")
                    .contains("replaced");
            browser.screenshot("prices");
        }
        var set = list(PRICES).stream()
                .filter(p -> p.getString("channel").equals("voice")
                        && p.getString("country").equals("IS"))
                .toList();
        assertThat(set).extracting(p -> p.getString("unit_price")).containsExactly("0.1234", "0.2000");
        // the API gives valid_from to the second, and the two prices were set within one
        assertThat(set.get(1).getString("valid_from"))
                .isGreaterThanOrEqualTo(set.get(0).getString("valid_from"));
    }

    @Test
    void billingCannotOpenTheRateLimitOrPricePages() {
        String name = "billing" + System.nanoTime();
        assertThat(ringproof
                        .admin
                        .postJson(
                                "api/admin/v1/users",
                                "{\"username\":\"" + name
                                        + "\",\"password\":\"a-long-billing-pw\",\"roles\":[\"billing\"]}")
                        .statusCode())
                .isEqualTo(201);
        var http = new Http();
        assertThat(ConsoleSignInIT.signIn(http, name, "a-long-billing-pw").statusCode())
                .isEqualTo(302);

        assertThat(http.get("admin/ratelimits/list.xhtml").statusCode()).isEqualTo(403);
        assertThat(http.get("admin/prices/list.xhtml").statusCode()).isEqualTo(403);
        var dashboard = http.get("admin/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body())
                .contains("Signed in as " + name)
                .doesNotContain("Rate limits")
                .doesNotContain("Prices");
    }

    private static String hostileName() {
        return "<script>alert(1)</script> #{7*7} " + RANDOM.nextInt(1_000_000);
    }

    /** The tenant menu, filtered by the tenant's id, as an admin narrows a policy to one tenant. */
    private static void pickTenant(Browser browser, String tenantId) {
        browser.await(By.id("create:tenant")).click();
        browser.type(By.id("create:tenant_filter"), tenantId);
        browser.await(By.cssSelector("[id='create:tenant_items'] li[data-label*='" + tenantId + "']"))
                .click();
    }

    private static void pickChannel(Browser browser, String channel) {
        browser.await(By.xpath("//*[@id='set:channel']//*[normalize-space()='" + channel + "']"))
                .click();
    }

    /** The error message shown beside one input (its p:message is named after it). */
    private static By messageFor(String inputId) {
        return By.cssSelector("[id='" + inputId + "-message'].ui-message-error");
    }

    private static void assertNothingRan(Browser browser) {
        // the hostile name is "<script>alert(1)</script> #{7*7} n": neither the tag nor the expression may run
        assertThat(browser.driver.getPageSource())
                .doesNotContain("<script>alert(1)")
                .doesNotContain("&lt;/script&gt; 49 ")
                .doesNotContain("</script> 49 ");
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private List<JsonObject> list(String path) {
        var answer = ringproof.admin.get(path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.jsonArray(answer).getValuesAs(JsonObject.class);
    }
}
