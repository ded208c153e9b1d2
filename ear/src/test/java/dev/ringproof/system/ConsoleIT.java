package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The admin console in a real (headless) browser against the real EAR: an admin sets a tenant,
 * a key and a pool up, finds a verification, and hostile input shows as text. Each test takes
 * screenshots of the pages it passes, for the docs.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void adminSetsUpATenantWithAKeyAndAPoolFromACsvFile() throws IOException {
        try (var browser = new Browser()) {
            browser.open("login.xhtml");
            browser.screenshot("login");
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            String name = "Console Co " + RANDOM.nextInt(1_000_000);

            browser.open("tenants/edit.xhtml");
            browser.type(By.id("tenant:name"), name);
            // a loopback target, allowed for this tenant by the admin: no traffic leaves the machine
            browser.type(By.id("tenant:webhook"), "http://127.0.0.1:9/ringproof");
            browser.driver
                    .findElement(By.cssSelector("[id='tenant:webhook-private'] .ui-chkbox-box"))
                    .click();
            browser.driver.findElement(By.id("tenant:save")).click();
            String tenantId = browser.await(By.id("tenant-id")).getText();
            assertThat(tenantId).startsWith("tn_");
            assertThat(browser.await(By.id("webhook-secret")).getText()).startsWith("whsec_");
            browser.screenshot("tenant-edit");

            browser.open("tenants/keys.xhtml?tenant=" + tenantId);
            browser.type(By.id("issue:label"), "production backend");
            browser.driver.findElement(By.id("issue:issue-key")).click();
            String key = browser.await(By.id("issued-key")).getText();
            assertThat(key).startsWith("rp_live_");
            assertThat(browser.driver.findElement(By.id("keys:table")).getText())
                    .contains("production backend");
            browser.screenshot("tenant-keys");
            browser.open("tenants/keys.xhtml?tenant=" + tenantId);
            assertThat(browser.driver.getPageSource()).doesNotContain(key);

            String block = "+4411349" + (10 + RANDOM.nextInt(90));
            var csv = Files.createTempFile("pool", ".csv");
            Files.writeString(csv, "number,to\n" + block + "000," + block + "099\n" + block + "500\n");
            browser.open("pools/list.xhtml");
            browser.type(By.id("create:name"), "Leeds " + block);
            browser.type(By.id("create:country"), "GB");
            browser.driver.findElement(By.id("create:create-pool")).click();
            browser.await(By.id("import:csv")).sendKeys(csv.toString());
            browser.driver.findElement(By.id("import:import-csv")).click();
            browser.awaitText(By.id("pool-size"), "101");
            browser.screenshot("pool-numbers");
            browser.open("pools/list.xhtml");
            assertThat(browser.await(By.id("pools:table")).getText())
                    .contains("Leeds " + block)
                    .contains("101");
            browser.screenshot("pools");

            browser.open("tenants/list.xhtml?q=" + name.replace(' ', '+'));
            assertThat(browser.await(By.id("tenants:table")).getText())
                    .contains(name)
                    .contains(tenantId);
            browser.screenshot("tenants");
        }
    }

    @Test
    void verificationsAreFoundWithTheirPhoneMaskedAndNoCodeOrCallerShown() {
        var ringproof = new Ringproof();
        ringproof.londonPool();
        var tenant = ringproof.tenant("Search Ltd " + RANDOM.nextInt(1_000_000));
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        String cli = ringproof
                .inboxWhen(phone, inbox -> !inbox.isEmpty())
                .getJsonObject(0)
                .getString("from");

        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("verifications/list.xhtml");
            browser.type(By.id("search:phone"), phone);
            browser.driver.findElement(By.id("search:search-button")).click();
            browser.awaitCount(By.cssSelector("[id='results:table'] tbody tr"), 1);
            browser.awaitText(By.id("results:table"), id);
            String masked =
                    phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
            assertThat(browser.driver.findElement(By.id("results:table")).getText())
                    .contains(masked)
                    .doesNotContain(phone);
            browser.screenshot("verifications");

            browser.driver.findElement(By.linkText(id)).click();
            browser.awaitText(By.id("verification-id"), id);
            assertThat(browser.await(By.id("attempts")).getText())
                    .contains("missed_call")
                    .contains(cli.substring(0, cli.length() - 4) + "XXXX");
            assertThat(browser.driver.getPageSource()).doesNotContain(cli).doesNotContain(phone);
            browser.screenshot("verification");
        }
    }

    @Test
    void hostileTenantNamesShowAsText() {
        String hostile = "<script>alert(1)</script> #{7*7} ${7*7} " + RANDOM.nextInt(1_000_000);
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("tenants/edit.xhtml");
            browser.type(By.id("tenant:name"), hostile);
            browser.driver.findElement(By.id("tenant:save")).click();
            browser.await(By.id("tenant-id"));

            browser.open("tenants/list.xhtml");
            var link = browser.await(By.xpath("//a[contains(@class,'tenant-name')][contains(., 'alert(1)')]"));
            assertThat(link.getText()).isEqualTo(hostile);
            assertThat(browser.driver.getPageSource())
                    .doesNotContain("<script>alert(1)")
                    .doesNotContain("49 ");
            assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        }
    }

    @Test
    void wrongInputIsShownNextToItsField() {
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("tenants/edit.xhtml");
            browser.type(By.id("tenant:name"), "Fields Inc");
            browser.type(By.id("tenant:fallback-sms"), "0");
            browser.driver.findElement(By.id("tenant:save")).click();
            assertThat(browser.await(
                                    By.cssSelector("[id='tenant:fallback-sms'] ~ .ui-message-error, .ui-message-error"))
                            .getText())
                    .contains("Between 1 and 3600");

            browser.type(By.id("tenant:fallback-sms"), "60");
            browser.type(By.id("tenant:webhook"), "ftp://example.com/hook");
            browser.driver.findElement(By.id("tenant:save")).click();
            browser.awaitText(By.cssSelector(".ui-message-error"), "https URL");
            assertThat(browser.driver.findElements(By.id("tenant-id"))).isEmpty();
            browser.screenshot("tenant-validation");
        }
    }

    @Test
    void aPageWhoseSubjectDoesNotExistIsTheNotFoundPage() {
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            for (String page : List.of(
                    "tenants/edit.xhtml?id=tn_nobody",
                    "tenants/keys.xhtml?tenant=tn_nobody",
                    "pools/numbers.xhtml?id=pl_nowhere",
                    "verifications/view.xhtml?id=vf_never")) {
                browser.open(page);
                assertThat(browser.await(By.tagName("h1")).getText()).as(page).isEqualTo("404");
                assertThat(browser.driver.getPageSource())
                        .as(page)
                        .doesNotContain("Refusal")
                        .doesNotContain("Exception");
            }
        }
    }

    @Test
    void aNewPasswordTypedTwoWaysIsRefusedNextToTheRepetition() {
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("account/index.xhtml");
            browser.type(By.id("account:current"), Ringproof.ADMIN_PASSWORD);
            browser.type(By.id("account:password"), "one new password here");
            browser.type(By.id("account:repeat"), "another new password");
            browser.driver.findElement(By.id("account:change-password")).click();
            browser.awaitText(
                    By.cssSelector("[id='account:repeat-message'].ui-message-error"), "The two new passwords differ.");
        }
    }

    @Test
    void dashboardShowsTheLastHour() {
        var ringproof = new Ringproof();
        ringproof.londonPool();
        var tenant = ringproof.tenant("Dashboard Plc");
        Ringproof.start(tenant, Ringproof.mobile());
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("");
            int count =
                    Integer.parseInt(browser.await(By.id("verifications-hour")).getText());
            assertThat(count).isPositive();
            browser.await(By.cssSelector("#dashboard\\:by-channel canvas"));
            assertThat(browser.driver.findElement(By.id("dashboard:health")).getText())
                    .contains("Missed call");

            Ringproof.start(tenant, Ringproof.mobile());
            // no reload: the poll brings the new verification in
            browser.until(d ->
                    Integer.parseInt(d.findElement(By.id("verifications-hour")).getText()) > count);
            browser.screenshot("dashboard");
        }
    }
}
