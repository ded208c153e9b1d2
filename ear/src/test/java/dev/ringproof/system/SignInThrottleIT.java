package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Sign-in throttling (docs/security.md) on the real server: ten failed passwords in a row lock a user
 * name (HTTP Basic and the console form alike) even for the right password, nobody else; the
 * lockout ends after Retry-After; an unknown name costs as much time as a known one. Each test
 * locks a user of its own: the bootstrap admin serves the other tests. The test server's first
 * lockout is shortened through SIGNIN_THROTTLE_FIRST_LOCKOUT (ear/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class SignInThrottleIT {

    static final String PASSWORD = "right-password-123";
    static final String WRONG = "wrong-password-456";
    static final String USAGE = "api/billing/v1/usage?from=2026-01-01&to=2026-01-02";

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void twelveWrongPasswordsLockTheNameEvenForTheRightPasswordButNoOtherName() throws InterruptedException {
        String locked = billingUser(ringproof, "locked");
        String neighbour = billingUser(ringproof, "neighbour");
        var guesser = Http.basic(locked, WRONG);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(guesser.get(USAGE).statusCode());
        }
        var right = Http.basic(locked, PASSWORD).get(USAGE);

        assertThat(statuses.subList(0, 9)).containsOnly(401);
        assertThat(statuses.subList(9, 12)).containsOnly(429);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.json(right).getString("code")).isEqualTo("rate_limited");
        long retryAfter =
                Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, firstLockout().toSeconds());

        assertThat(Http.basic(neighbour, PASSWORD).get(USAGE).statusCode()).isEqualTo(200);
        assertThat(ringproof.admin.get("api/admin/v1/users").statusCode()).isEqualTo(200);

        // Retry-After is the promise under test: once it has passed, the right password works again
        Ringproof.sleep(Duration.ofSeconds(retryAfter));
        assertThat(Http.basic(locked, PASSWORD).get(USAGE).statusCode()).isEqualTo(200);
        // and that success ended the streak: one wrong password is a plain 401 again
        assertThat(guesser.get(USAGE).statusCode()).isEqualTo(401);
    }

    @Test
    void theConsoleFormSaysHowLongToWaitInsteadOfShowingAnErrorPage() {
        String name = billingUser(ringproof, "formlocked");
        try (var browser = new Browser()) {
            browser.open("login.xhtml");
            var http = new Http();
            http.get("admin/");
            for (int i = 0; i < 10; i++) {
                ConsoleSignInIT.signIn(http, name, WRONG);
            }

            var refused = ConsoleSignInIT.signIn(http, name, PASSWORD);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body())
                    .contains("Too many failed sign-ins")
                    .doesNotContain("Signed in as")
                    .doesNotContain("Exception");

            browser.type(By.id("username"), name);
            browser.type(By.id("password"), PASSWORD);
            browser.driver.findElement(By.id("sign-in")).click();
            browser.awaitText(By.id("login-failed"), "Too many failed sign-ins for this user name");
            assertThat(browser.driver.getTitle()).startsWith("Sign in");
            assertThat(browser.driver.findElements(By.id("signed-in-as"))).isEmpty();
            assertThat(browser.driver.findElement(By.id("sign-in")).isDisplayed())
                    .isTrue();
        }
        assertThat(ringproof.admin.get("api/admin/v1/users").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownUserNameCostsAsMuchTimeAsAWrongPasswordOfAKnownOne() {
        String known = billingUser(ringproof, "timed");
        var knownGuess = Http.basic(known, WRONG);
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            knownNanos.add(timed(() -> knownGuess.get(USAGE)));
            var unknownGuess = Http.basic("nobody" + System.nanoTime() % 1_000_000_000, WRONG);
            unknownNanos.add(timed(() -> unknownGuess.get(USAGE)));
        }
        // PBKDF2 makes a wrong password of a known name cost about 0.2 s; without a dummy hash an
        // unknown name answered in a few milliseconds
        assertThat(median(unknownNanos))
                .as("unknown %s ns, known %s ns", unknownNanos, knownNanos)
                .isGreaterThan(median(knownNanos) / 3);
    }

    private static long timed(java.util.function.Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        var response = request.get();
        long nanos = System.nanoTime() - start;
        assertThat(response.statusCode()).isEqualTo(401);
        return nanos;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /** The test server's first lockout, as ear/pom.xml gives it to Payara (and so to this JVM). */
    static Duration firstLockout() {
        String configured = System.getenv("SIGNIN_THROTTLE_FIRST_LOCKOUT");
        assertThat(configured)
                .as("SIGNIN_THROTTLE_FIRST_LOCKOUT from failsafe's environment")
                .isNotBlank();
        return Duration.parse(configured);
    }

    /** A fresh billing user with {@link #PASSWORD}: enough to sign in to the billing API and the console. */
    static String billingUser(Ringproof ringproof, String prefix) {
        String name = prefix + System.nanoTime() % 1_000_000_000;
        var created = ringproof.admin.postJson(
                "api/admin/v1/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"billing\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return name;
    }
}
