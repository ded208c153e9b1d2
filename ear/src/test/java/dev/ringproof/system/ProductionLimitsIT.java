package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * Limits the suite's own server cannot show, on a second server ({@link ProductionDomain}):
 * the per-address limit on failed sign-ins at its default (the suite's server raises it, since
 * every test signs in from 127.0.0.1), and a console session's idle timeout, short here so a
 * test can wait it out (on the suite's server it would end the sessions of slower tests). It is
 * configured as if behind a proxy that terminates TLS, so its session cookie is always Secure
 * (browsers keep a Secure cookie of http://localhost).
 *
 * <p>Its tests run at once, though the class runs in turn with the others: two wait out idle
 * times in browsers, one spends half a minute of one core on a hundred password hashes, and
 * none touches what another does (each its own session, one its own client address).
 */
@Tag(ProductionDomain.TAG)
@ExtendWith(ProductionDomain.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionLimitsIT {

    /** The second server's idle timeout: three polls of the dashboard (every 5 s) fit in it. */
    private static final Duration IDLE = ProductionDomain.IDLE;
    /** The default per-address limit: failed sign-ins from one address within 10 minutes. */
    private static final int ADDRESS_FAILURES = 100;
    /** The same server seen from another client address than the suite's. */
    private static final URI BY_ADDRESS = URI.create("http://127.0.0.1:" + ProductionDomain.BASE.getPort() + "/");

    /** The shared domain keeps the default sign-in limits and is configured with {@link #IDLE} and Secure cookies. */
    @BeforeAll
    void runningInProductionMode(ProductionDomain shared) {
        assertThat(shared).isNotNull();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aDashboardLeftOpenIsSignedOutAfterTheIdleTimeThoughItKeepsPolling() {
        try (var browser = new Browser().on(ProductionDomain.BASE)) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            String session = browser.sessionId();
            var opened = Instant.now();
            var polls = new AtomicLong();

            await().atMost(IDLE.plusSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!browser.driver
                                .findElements(By.id("session-timed-out"))
                                .isEmpty()) {
                            return true;
                        }
                        polls.accumulateAndGet(pollsSent(browser), Math::max);
                        return false;
                    });

            assertThat(Duration.between(opened, Instant.now())).isGreaterThanOrEqualTo(IDLE.minusSeconds(2));
            assertThat(polls.get()).as("the dashboard polled while it waited").isGreaterThanOrEqualTo(2);
            var reused = new Http()
                    .on(ProductionDomain.BASE)
                    .send("GET", "admin/", null, null, "Cookie", "JSESSIONID=" + session);
            assertThat(reused.body()).doesNotContain("Signed in as");
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void userActionsKeepTheSessionOpenPastTheIdleTime() {
        try (var browser = new Browser().on(ProductionDomain.BASE)) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            String session = browser.sessionId();
            var signedIn = Instant.now();

            for (int action = 0; action < 3; action++) {
                // two thirds of the idle time on the dashboard, polling all along, still signed in throughout
                await().during(IDLE.multipliedBy(2).dividedBy(3))
                        .atMost(IDLE.plusSeconds(5))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> isSignedIn(browser));
                var page = browser.driver.findElement(By.id("signed-in-as"));
                browser.driver.findElement(By.cssSelector("header a.brand")).click(); // the user opens the dashboard
                await().atMost(Duration.ofSeconds(20)).until(() -> isGone(page));
                browser.await(By.id("dashboard:traffic"));
            }

            assertThat(Duration.between(signedIn, Instant.now())).isGreaterThan(IDLE.plusSeconds(5));
            assertThat(isSignedIn(browser)).isTrue();
            assertThat(browser.sessionId()).isEqualTo(session);
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void anAddressWithTooManyFailedSignInsWaitsWhileTheSameUserSignsInFromElsewhere() throws Exception {
        var other = InetAddress.getByName("127.0.0.2");
        // spread over twelve names, so no name reaches its own limit of 10 failures in a row (admin gets 9)
        List<String> names = new ArrayList<>(List.of(Ringproof.ADMIN));
        for (int i = 1; i < 12; i++) {
            names.add("guess" + i + "-" + System.nanoTime() % 100_000);
        }
        List<Integer> statuses = new ArrayList<>();
        for (int n = 0; n < ADDRESS_FAILURES; n++) {
            statuses.add(basicFrom(other, names.get(n % names.size()), "wrong-password-" + n)
                    .status());
        }
        assertThat(statuses.subList(0, ADDRESS_FAILURES - 1)).containsOnly(401);
        assertThat(statuses.get(ADDRESS_FAILURES - 1))
                .as("the failure that reaches the limit")
                .isEqualTo(429);

        var sameAddress = basicFrom(other, Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
        assertThat(sameAddress.status())
                .as("the right password from that address")
                .isEqualTo(429);
        assertThat(sameAddress.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(sameAddress.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));

        var elsewhere = Http.basic(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD)
                .on(ProductionDomain.BASE)
                .get("api/admin/v1/users");
        assertThat(elsewhere.statusCode())
                .as("the same user from the suite's address")
                .isEqualTo(200);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void behindATlsProxyTheSessionCookieIsSecureThoughTheServerSeesPlainHttp() {
        var signedIn = ConsoleSignInIT.signIn(
                new Http().on(ProductionDomain.BASE), ProductionDomain.BASE, Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie)
                        .containsIgnoringCase("Secure")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict"));
    }

    /** An admin API request with HTTP Basic sent from the local address {@code source}. */
    private static RawHttp.Answer basicFrom(InetAddress source, String user, String password) {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return RawHttp.exchange(
                source,
                BY_ADDRESS,
                "GET",
                "/api/admin/v1/users",
                BY_ADDRESS.getHost() + ":" + BY_ADDRESS.getPort(),
                null,
                "Authorization: Basic " + credentials);
    }

    private static boolean isSignedIn(Browser browser) {
        return !browser.driver.findElements(By.id("signed-in-as")).isEmpty()
                && browser.driver.findElements(By.id("session-timed-out")).isEmpty();
    }

    /** Whether the element belonged to a page the browser has left. */
    private static boolean isGone(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (WebDriverException e) {
            if (Browser.replacedWhileRead(e)) {
                return true;
            }
            throw e;
        }
    }

    /** The ajax requests the page has sent since it loaded (the dashboard sends only its poll). */
    private static long pollsSent(Browser browser) {
        Object count = browser.driver.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.initiatorType === 'xmlhttprequest' || e.initiatorType === 'fetch').length;");
        return ((Number) count).longValue();
    }
}
