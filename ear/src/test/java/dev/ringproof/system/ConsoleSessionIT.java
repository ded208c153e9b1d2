package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Console sessions in a real browser: a new session id at sign-in, a dead one after sign-out,
 * POSTs only from the console's own pages, and the billing role kept to the dashboard.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleSessionIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void signInRenewsTheSessionIdAndSignOutKillsIt() {
        try (var browser = new Browser()) {
            browser.open("login.xhtml");
            String before = browser.sessionId();
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            String signedIn = browser.sessionId();
            assertThat(signedIn).isNotNull().isNotEqualTo(before);
            assertThat(withSession(signedIn).body()).contains("Signed in as admin");

            browser.driver.findElement(By.id("logout-form:logout")).click();
            browser.await(By.id("username"));

            var reused = withSession(signedIn);
            assertThat(reused.body()).doesNotContain("Signed in as");
            assertThat(
                            reused.statusCode() == 302
                                    ? reused.headers().firstValue("Location").orElse("")
                                    : reused.body())
                    .contains("login");
        }
    }

    /**
     * The suite lends one Chromium to test after test ({@link Chromium}): the next test must meet
     * it as a stranger, signed out, on a page of its own, or it would pass on another's sign-in.
     */
    @Test
    void aBrowserPutBackAfterASignInComesBackSignedOut() {
        org.openqa.selenium.chrome.ChromeDriver lent;
        String signedIn;
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            signedIn = browser.sessionId();
            browser.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            browser.open("index.xhtml");
            lent = browser.driver;
        }
        try (var browser = new Browser()) {
            assertThat(browser.driver).isSameAs(lent);
            assertThat(browser.driver.getWindowHandles()).hasSize(1);
            assertThat(browser.driver.getCurrentUrl()).isEqualTo("about:blank");
            browser.open("index.xhtml");
            browser.await(By.id("username"));
            assertThat(browser.driver.findElements(By.id("signed-in-as"))).isEmpty();
            assertThat(browser.sessionId()).isNotEqualTo(signedIn);
        }
    }

    @Test
    void theSessionCookieStaysOutOfScripts() {
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            var cookie = browser.driver.manage().getCookieNamed("JSESSIONID");
            assertThat(cookie).isNotNull();
            assertThat(cookie.isHttpOnly()).isTrue();
        }
    }

    @Test
    void theSessionCookieIsSameSiteStrict() {
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            var cookie = browser.driver.manage().getCookieNamed("JSESSIONID");
            assertThat(cookie).isNotNull();
            assertThat(cookie.getSameSite()).isEqualTo("Strict");
        }
    }

    @Test
    void theSessionCookieSaysStrictAndIsSecureOverTls() {
        var plain = signInByForm(new Http(), Http.BASE);
        assertThat(sessionCookies(plain))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie)
                        .containsIgnoringCase("SameSite=Strict")
                        .containsIgnoringCase("HttpOnly")
                        .doesNotContainIgnoringCase("Secure"));

        var tls = signInByForm(Http.trustingAnyCertificate(TLS_BASE), TLS_BASE);
        assertThat(sessionCookies(tls))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie)
                        .containsIgnoringCase("SameSite=Strict")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("Secure"));
    }

    @Test
    void postsFromAnotherOriginAreRefused() {
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            String cookie = "JSESSIONID=" + browser.sessionId();
            var http = new Http();
            String form = "tenants=tenants&jakarta.faces.ViewState=x";

            var foreign = http.send(
                    "POST",
                    "admin/tenants/list.xhtml",
                    form,
                    "application/x-www-form-urlencoded",
                    "Cookie",
                    cookie,
                    "Origin",
                    "https://evil.example");
            var bare = http.send(
                    "POST", "admin/tenants/list.xhtml", form, "application/x-www-form-urlencoded", "Cookie", cookie);

            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(bare.statusCode()).isEqualTo(403);
            assertThat(foreign.body()).doesNotContain("Exception").doesNotContain("at dev.ringproof");
        }
    }

    @Test
    void billingSeesTheDashboardButNotTheAdminPages() {
        String billing = "billing" + System.nanoTime() % 100_000;
        try (var admin = new Browser()) {
            admin.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            admin.open("users/list.xhtml");
            admin.type(By.id("create:username"), billing);
            admin.type(By.id("create:password"), "short");
            admin.driver.findElement(By.xpath("//label[text()='billing']")).click();
            admin.driver.findElement(By.id("create:create-user")).click();
            admin.awaitText(By.cssSelector(".ui-message-error"), "at least 12 characters");

            admin.type(By.id("create:password"), "billing-password-long");
            admin.driver.findElement(By.id("create:create-user")).click();
            admin.awaitText(By.id("users:table"), billing);

            var adminRow = By.xpath("//tr[td[1][normalize-space()='admin']]//button[contains(., 'Disable')]");
            admin.driver.findElement(adminRow).click();
            admin.await(By.cssSelector(".ui-confirmdialog-yes")).click();
            admin.awaitText(By.id("messages"), "The last active admin cannot be disabled.");
            admin.screenshot("users");
        }
        try (var browser = new Browser()) {
            browser.signIn(billing, "billing-password-long");
            assertThat(browser.driver.findElement(By.id("menu")).getText())
                    .contains("Dashboard")
                    .doesNotContain("Tenants");

            browser.open("tenants/list.xhtml");
            assertThat(browser.driver.getTitle()).contains("403");
            assertThat(withSession(browser.sessionId(), "admin/tenants/list.xhtml")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(withSession(browser.sessionId(), "admin/pools/list.xhtml")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(withSession(browser.sessionId(), "admin/").statusCode()).isEqualTo(200);
        }
    }

    /** The test server's TLS listener (the domain's self-signed certificate). */
    private static final URI TLS_BASE = URI.create("https://localhost:8181/");
    /** The admin signs in with the login form as a browser would post it ({@code http} talks to {@code base}). */
    private static HttpResponse<String> signInByForm(Http http, URI base) {
        var signedIn = ConsoleSignInIT.signIn(http, base, Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return signedIn;
    }

    private static List<String> sessionCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .toList();
    }

    private static HttpResponse<String> withSession(String sessionId) {
        return withSession(sessionId, "admin/");
    }

    private static HttpResponse<String> withSession(String sessionId, String path) {
        return new Http().send("GET", path, null, null, "Cookie", "JSESSIONID=" + sessionId);
    }
}
