package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's usage page as a billing user sees it, in a real browser: the period's totals
 * are the billing API's, the month's summary is the API's, and the downloaded CSV is byte for
 * byte the billing API's CSV of the same period and tenant. Tenant pages stay closed (403).
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
    void billingSeesThePeriodsTotalsAndSummaryAndDownloadsTheBillingCsv() throws IOException {
        var tenant = tenantWithTraffic();
        String billing = "usage" + System.nanoTime() % 1_000_000;
        var created = ringproof.admin.postJson("api/admin/v1/users", "{\"username\":\"" + billing
                + "\",\"password\":\"usage-billing-password\",\"roles\":[\"billing\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var api = Http.basic(billing, "usage-billing-password");
        String query = "from=" + today + "&to=" + today + "&tenant=" + tenant.id();
        var report = Http.json(api.get("api/billing/v1/usage?" + query));
        String expectedCsv = api.send("GET", "api/billing/v1/usage?" + query, null, null, "Accept", "text/csv").body();
        var summary = Http.json(api.get("api/billing/v1/summary?month=" + today.substring(0, 7) + "&tenant="
                + tenant.id())).getJsonArray("tenants").getJsonObject(0);

        Path downloads = Files.createTempDirectory("ringproof-downloads");
        try (var browser = new Browser(downloads)) {
            browser.signIn(billing, "usage-billing-password");
            browser.await(By.id("verifications-hour"));
            assertThat(browser.driver.findElement(By.id("menu")).getText()).contains("Dashboard").contains("Usage")
                    .doesNotContain("Tenants");

            browser.driver.findElement(By.linkText("Usage")).click();
            browser.await(By.id("report:show"));
            pickPeriodAndTenant(browser, tenant);
            browser.driver.findElement(By.id("report:show")).click();
            // exactly, amount and count: the page's first totals (every tenant's month) may hold the same
            // amount when no other traffic is priced, so the amount alone does not tell the answer has come
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("total-amount")).getText()
                            .equals(report.getString("total_amount") + " EUR")
                            && d.findElement(By.id("total-attempts")).getText()
                            .equals(String.valueOf(sum(report, "attempts"))));

            assertThat(browser.driver.findElement(By.id("total-attempts")).getText())
                    .isEqualTo(String.valueOf(sum(report, "attempts"))).isEqualTo("3");
            assertThat(browser.driver.findElement(By.id("total-approved")).getText())
                    .isEqualTo(String.valueOf(sum(report, "approved"))).isEqualTo("2");
            assertThat(browser.driver.findElements(By.cssSelector("[id='results:lines_data'] tr")))
                    .hasSize(report.getJsonArray("lines").size());
            String summaryRow = browser.driver.findElement(By.id("results:summary")).getText();
            assertThat(summaryRow).contains(tenant.id()).contains(summary.getString("cost"))
                    .contains(summary.getString("saving") + " EUR").contains("missed_call 1/2");
            browser.screenshot("usage");

            browser.driver.findElement(By.id("report:download-csv")).click();
            Path file = awaitDownload(downloads);
            assertThat(Files.readAllBytes(file)).isEqualTo(expectedCsv.getBytes(StandardCharsets.UTF_8));
            assertThat(expectedCsv).contains(tenant.id());

            browser.open("tenants/list.xhtml");
            assertThat(browser.driver.getTitle()).contains("403");
            assertThat(new Http().send("GET", "admin/tenants/list.xhtml", null, null, "Cookie",
                    "JSESSIONID=" + browser.sessionId()).statusCode()).isEqualTo(403);
        } finally {
            try (var files = Files.list(downloads)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(downloads);
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
        String cli = ringproof.inboxWhen(first, m -> !m.isEmpty()).getJsonObject(0).getString("from");
        assertApproved(Ringproof.check(tenant, id, cli.substring(cli.length() - 4)).body());

        String second = Ringproof.mobile();
        id = Http.json(Ringproof.start(tenant, second)).getString("id");
        ringproof.inboxWhen(second, m -> !m.isEmpty());
        assertThat(tenant.api().postJson("api/v1/verifications/" + id + "/next", "{}").statusCode()).isEqualTo(200);
        var sms = ringproof.inboxWhen(second, m -> m.size() >= 2).getJsonObject(1).getString("text");
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

    private void pickPeriodAndTenant(Browser browser, Ringproof.Tenant tenant) {
        for (String date : new String[] {"report:from_input", "report:to_input"}) {
            browser.type(By.id(date), today);
            browser.driver.findElement(By.id(date)).sendKeys(Keys.ESCAPE);
        }
        browser.await(By.id("report:tenant")).click();
        browser.type(By.id("report:tenant_filter"), tenant.id());
        browser.await(By.cssSelector("[id='report:tenant_items'] li[data-label*='" + tenant.id() + "']")).click();
        browser.type(By.id("report:month"), today.substring(0, 7));
    }

    private static Path awaitDownload(Path downloads) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (var files = Files.list(downloads)) {
                var done = files.filter(f -> f.toString().endsWith(".csv")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Ringproof.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no CSV was downloaded into " + downloads);
    }

    private static long sum(JsonObject report, String field) {
        return report.getJsonArray("lines").getValuesAs(JsonObject.class).stream().mapToLong(l -> l.getInt(field))
                .sum();
    }

    private void price(String channel, String country, String unitPrice) {
        var set = ringproof.admin.postJson("api/admin/v1/prices", "{\"channel\":\"" + channel + "\",\"country\":\""
                + country + "\",\"unit_price\":\"" + unitPrice + "\",\"currency\":\"EUR\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
    }

    private static void assertApproved(String checked) {
        assertThat(Http.json(checked).getString("status")).as(checked).isEqualTo("approved");
    }
}
