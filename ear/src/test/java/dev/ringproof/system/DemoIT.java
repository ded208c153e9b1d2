package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The live demo at /demo/ on the development defaults: it makes its own tenant, publishable key
 * and pool once, and a newcomer verifies a number by reading the virtual handset beside the form.
 */
@ExtendWith(ArquillianExtension.class)
class DemoIT {

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void theDemoSetsItselfUpOnceWithAPublishableTestKeyForItsOwnOrigin() {
        var first = Http.json(ringproof.anonymous.get("api/sandbox/v1/demo"));
        var again = Http.json(ringproof.anonymous.get("api/sandbox/v1/demo"));
        assertThat(again).isEqualTo(first);
        assertThat(first.getString("publishable_key")).startsWith("rp_pub_test_");

        var keys = Http.jsonArray(
                ringproof.admin.get("api/admin/v1/tenants/" + first.getString("tenant_id") + "/api-keys"));
        var publishable = keys.stream()
                .map(k -> k.asJsonObject())
                .filter(k -> k.getString("kind").equals("publishable"))
                .toList();
        assertThat(publishable).as("made once").hasSize(1);
        var key = publishable.get(0);
        assertThat(key.getString("kind")).isEqualTo("publishable");
        assertThat(key.getString("key")).isEqualTo(first.getString("publishable_key"));
        assertThat(key.getJsonArray("allowed_origins").getString(0)).isEqualTo("http://localhost:8080");
    }

    @Test
    void aNewcomerVerifiesAMissedCallByReadingTheVirtualHandset() {
        String phone = Ringproof.mobile();
        try (var browser = new Browser()) {
            browser.driver.get(Http.BASE.resolve("demo/").toString());
            browser.type(By.id("rp1-phone"), "0" + phone.substring(3));
            browser.driver.findElement(By.id("rp1-start")).click();
            browser.awaitText(By.id("handset-number"), "+44 " + phone.substring(3, 7));

            var call = browser.await(By.cssSelector("#inbox li[data-type=call]"));
            assertThat(call.getText()).contains("Incoming call");
            String from = call.getAttribute("data-from");
            browser.awaitText(By.cssSelector("#inbox li[data-type=call]"), "Missed call");
            assertThat(browser.driver.findElement(By.id("rp1-status")).getText())
                    .as("the widget names the calling number but its last digits")
                    .contains("We are calling you from +44 " + from.substring(3, 5))
                    .contains("\u2022\u2022\u2022\u2022")
                    .doesNotContain(from.substring(from.length() - 4));

            browser.type(By.id("rp1-code"), from.substring(from.length() - 4));
            browser.screenshot("demo");
            browser.driver.findElement(By.id("rp1-confirm")).click();
            browser.awaitText(By.id("rp1-status"), "is verified");
            browser.driver.findElement(By.id("create")).click();
            browser.awaitText(By.id("signed-up"), "Signed up");

            String token =
                    browser.driver.findElement(By.name("ringproof_token")).getAttribute("value");
            String tenant =
                    Http.json(ringproof.anonymous.get("api/sandbox/v1/demo")).getString("tenant_id");
            var secret = Http.json(ringproof.admin.postJson(
                            "api/admin/v1/tenants/" + tenant + "/api-keys",
                            "{\"label\":\"demo backend\",\"mode\":\"test\"}"))
                    .getString("key");
            var redeemed = Http.bearer(secret).postJson("api/v1/tokens/redeem", "{\"token\":\"" + token + "\"}");
            assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
            assertThat(Http.json(redeemed).getString("phone")).isEqualTo(phone);
        }
    }
}
