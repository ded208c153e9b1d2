package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The console's usage page as a billing user sees it, in a real browser: the period's totals
 * are the billing API's, the month's summary is the API's, and the CSV that the Download button
 * posts for is byte for byte the billing API's CSV of the same period and tenant. Tenant pages
 * stay closed (403).
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleUsageIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern OTP = Pattern.compile("(\\d{6})");

    private final Ringproof ringproof = new Ringproof();
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void billingSeesThePeriodsTotalsAndSummaryAndDownloadsTheBillingCsv() {
        var tenant = tenantWithTraffic();
        String billing = "usage" + System.nanoTime() % 1_000_000;
        var created = ringproof.admin.postJson(
                "api/admin/v1/users",
                "{\"username\":\"" + billing + "\",\"password\":\"usage-billing-password\",\"roles\":[\"billing\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var api = Http.basic(billing, "usage-billing-password");
        String query = "from=" + today + "&to=" + today + "&tenant=" + tenant.id();
        var report = Http.json(api.get("api/billing/v1/usage?" + query));
        String expectedCsv = api.send("GET", "api/billing/v1/usage?" + query, null, null, "Accept", "text/csv")
                .body();
        var summary = Http.json(
                        api.get("api/billing/v1/summary?month=" + today.substring(0, 7) + "&tenant=" + tenant.id()))
                .getJsonArray("tenants")
                .getJsonObject(0);

        try (var browser = new Browser()) {
            browser.signIn(billing, "usage-billing-password");
            browser.await(By.id("verifications-hour"));
            assertThat(browser.driver.findElement(By.id("menu")).getText())
                    .contains("Dashboard")
                    .contains("Usage")
                    .doesNotContain("Tenants");

            browser.driver.findElement(By.linkText("Usage")).click();
            browser.await(By.id("report:show"));
            // a report is bookmarkable: period, tenant and month in the address
            browser.open("usage/report.xhtml?" + query + "&month=" + today.substring(0, 7));
            browser.until(
                    Duration.ofSeconds(20),
                    () -> "the page shows "
                            + browser.driver
                                    .findElement(By.id("results"))
                                    .getText()
                                    .lines()
                                    .limit(4)
                                    .toList() + " and says "
                            + browser.driver.findElement(By.id("messages")).getText(),
                    d -> d.findElement(By.id("total-amount"))
                                    .getText()
                                    .equals(report.getString("total_amount") + " EUR")
                            && d.findElement(By.id("total-attempts"))
                                    .getText()
                                    .equals(String.valueOf(sum(report, "attempts"))));

            assertThat(browser.driver.findElement(By.id("total-attempts")).getText())
                    .isEqualTo(String.valueOf(sum(report, "attempts")))
                    .isEqualTo("3");
            assertThat(browser.driver.findElement(By.id("total-approved")).getText())
                    .isEqualTo(String.valueOf(sum(report, "approved")))
                    .isEqualTo("2");
            assertThat(browser.driver.findElements(By.cssSelector("[id='results:lines_data'] tr")))
                    .hasSize(report.getJsonArray("lines").size());
            String summaryRow =
                    browser.driver.findElement(By.id("results:summary")).getText();
            assertThat(summaryRow)
                    .contains(tenant.id())
                    .contains(summary.getString("cost"))
                    .contains(summary.getString("saving") + " EUR")
                    .contains("missed_call 1/2");
            browser.screenshot("usage");

            // what the Download CSV button posts, posted from the page itself (headless Chromium did not
            // save the download to disk): the form with its view state, the session and same-origin headers
            String downloaded = (String) ((JavascriptExecutor) browser.driver)
                    .executeAsyncScript("var done = arguments[arguments.length - 1];"
                            + "var form = document.getElementById('report');"
                            + "var data = new URLSearchParams(new FormData(form));"
                            + "data.append('report:download-csv', '');"
                            + "fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'})"
                            + ".then(r => r.arrayBuffer().then(b => { var bytes = '';"
                            + " new Uint8Array(b).forEach(x => bytes += String.fromCharCode(x));"
                            + " done(r.headers.get('Content-Disposition') + ' ' + r.headers.get('Content-Type')"
                            + " + '\\n\\n' + btoa(bytes)); }))"
                            + ".catch(e => done('failed: ' + e));");
            var parts = downloaded.split("\n\n", 2);
            assertThat(parts[0])
                    .as(downloaded.substring(0, Math.min(300, downloaded.length())))
                    .contains("attachment")
                    .contains(".csv")
                    .contains("text/csv");
            // byte for byte, line ends (CRLF, as RFC 4180 and Commons CSV have them) included
            assertThat(java.util.Base64.getDecoder().decode(parts[1]))
                    .isEqualTo(expectedCsv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(expectedCsv).contains(tenant.id());

            browser.open("tenants/list.xhtml");
            assertThat(browser.driver.getTitle()).contains("403");
            assertThat(new Http()
                            .send(
                                    "GET",
                                    "admin/tenants/list.xhtml",
                                    null,
                                    null,
                                    "Cookie",
                                    "JSESSIONID=" + browser.sessionId())
                            .statusCode())
                    .isEqualTo(403);
        }
    }

    /** A tenant with one verification approved by missed call and one approved by SMS after it. */
    private Ringproof.Tenant tenantWithTraffic() {
        ringproof.londonPool();
        price("missed_call", "GB", "0.0050");
        price("sms", "*", "0.0400");
        var tenant = ringproof.tenant("Usage Console " + RANDOM.nextInt(1_000_000));
        String first = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, first)).getString("id");
        String cli =
                ringproof.inboxWhen(first, m -> !m.isEmpty()).getJsonObject(0).getString("from");
        assertApproved(
                Ringproof.check(tenant, id, cli.substring(cli.length() - 4)).body());

        String second = Ringproof.mobile();
        id = Http.json(Ringproof.start(tenant, second)).getString("id");
        ringproof.inboxWhen(second, m -> !m.isEmpty());
        assertThat(tenant.api()
                        .postJson("api/v1/verifications/" + id + "/next", "{}")
                        .statusCode())
                .isEqualTo(200);
        var sms =
                ringproof.inboxWhen(second, m -> m.size() >= 2).getJsonObject(1).getString("text");
        // the text names the tenant, whose name ends in digits too: the code is the last number
        var code = OTP.matcher(sms);
        String last = null;
        while (code.find()) {
            last = code.group(1);
        }
        assertThat(last).as(sms).isNotNull();
        assertApproved(Ringproof.check(tenant, id, last).body());
        return tenant;
    }

    private static long sum(JsonObject report, String field) {
        return report.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .mapToLong(l -> l.getInt(field))
                .sum();
    }

    private void price(String channel, String country, String unitPrice) {
        var set = ringproof.admin.postJson(
                "api/admin/v1/prices",
                "{\"channel\":\"" + channel + "\",\"country\":\"" + country + "\",\"unit_price\":\"" + unitPrice
                        + "\",\"currency\":\"EUR\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
    }

    private static void assertApproved(String checked) {
        assertThat(Http.json(checked).getString("status")).as(checked).isEqualTo("approved");
    }
}
