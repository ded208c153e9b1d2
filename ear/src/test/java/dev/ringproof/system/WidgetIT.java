package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The web widget and its publishable keys: origins and CORS, what such a key may not do, the
 * token's redeem, and the widget in Chromium through fallbacks, a wrong code and keys only.
 */
@ExtendWith(ArquillianExtension.class)
class WidgetIT {

    static final String ORIGIN = Http.BASE.getScheme() + "://" + Http.BASE.getHost() + ":" + Http.BASE.getPort();
    private static final Pattern SIX_DIGITS = Pattern.compile("(\\d{6})");

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @BeforeEach
    void pool() {
        ringproof.londonPool();
    }

    /** A tenant with a secret test key (its {@code api}) and a publishable test key for {@code origins}. */
    record Shop(Ringproof.Tenant tenant, String publishable, Http browser) {}

    Shop shop(String settings, List<String> origins) {
        var tenant = ringproof.tenant(settings, "test");
        var issued = ringproof.admin.postJson(
                "api/admin/v1/tenants/" + tenant.id() + "/api-keys",
                "{\"label\":\"sign-up page\",\"mode\":\"test\",\"kind\":\"publishable\",\"allowed_origins\":"
                        + origins.stream().map(o -> "\"" + o + "\"").toList() + "}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        var key = Http.json(issued);
        assertThat(key.getString("kind")).isEqualTo("publishable");
        assertThat(key.getString("key")).startsWith("rp_pub_test_");
        return new Shop(tenant, key.getString("key"), Http.bearer(key.getString("key")));
    }

    static HttpResponse<String> startFrom(Shop shop, String origin, String phone) {
        return origin == null
                ? shop.browser().postJson("api/v1/verifications", "{\"phone\":\"" + phone + "\"}")
                : shop.browser().postJson("api/v1/verifications", "{\"phone\":\"" + phone + "\"}", "Origin", origin);
    }

    /**
     * The widget's limit per browser address (30 starts an hour by default) is counted in the
     * database under a row lock, as every server must share it: 40 parallel starts from one
     * address over two tenants' keys let exactly 30 through, and the same keys still start from
     * another address. 127.0.0.3 is an address no other test sends from.
     */
    @Test
    void oneBrowserAddressGetsExactlyItsWidgetStartsAnHourAcrossKeysUnderParallelStarts() throws Exception {
        var shops = List.of(
                shop("{\"name\":\"Address shop A\"}", List.of(ORIGIN)),
                shop("{\"name\":\"Address shop B\"}", List.of(ORIGIN)));
        var address = java.net.InetAddress.getByName("127.0.0.3");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(40);
        List<RawHttp.Answer> answers = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Callable<RawHttp.Answer>> starts = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                var shop = shops.get(i % 2);
                String phone = Ringproof.mobile();
                starts.add(() -> RawHttp.exchange(
                        address,
                        Http.BASE,
                        "POST",
                        "/api/v1/verifications",
                        Http.BASE.getHost() + ":" + Http.BASE.getPort(),
                        "{\"phone\":\"" + phone + "\"}",
                        "Authorization: Bearer " + shop.publishable(),
                        "Content-Type: application/json",
                        "Origin: " + ORIGIN));
            }
            for (var future : pool.invokeAll(starts)) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers.stream().filter(a -> a.status() == 201))
                .as("started")
                .hasSize(30);
        assertThat(answers.stream().filter(a -> a.status() != 201)).hasSize(10).allSatisfy(refused -> {
            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.header("Retry-After")).isPresent();
        });
        for (var shop : shops) {
            var elsewhere = startFrom(shop, ORIGIN, Ringproof.mobile());
            assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(201);
        }
    }

    @Test
    void aPublishableKeyHoldsOnlyFromItsOriginsAndPreflightsAnswerOnlyThem() {
        var shop = shop("{\"name\":\"Origin shop\"}", List.of(ORIGIN, "https://shop.example"));

        var allowed = startFrom(shop, ORIGIN, Ringproof.mobile());
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(201);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);

        String refusedPhone = Ringproof.mobile();
        for (String origin : new String[] {"https://evil.example", "https://shop.example.evil.example", "null"}) {
            var refused = startFrom(shop, origin, refusedPhone);
            assertThat(refused.statusCode()).as(origin + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
        var noOrigin = startFrom(shop, null, refusedPhone);
        assertThat(noOrigin.statusCode()).as(noOrigin.body()).isEqualTo(403);
        assertThat(ringproof.inboxStays(refusedPhone, Duration.ofSeconds(2), JsonArray::isEmpty))
                .as("a refused start calls nobody")
                .isEmpty();

        var preflight = ringproof.anonymous.send(
                "OPTIONS",
                "api/v1/verifications",
                null,
                null,
                "Origin",
                "https://shop.example",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization, content-type");
        assertThat(preflight.statusCode()).as(preflight.body()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://shop.example");
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElseThrow())
                .containsIgnoringCase("authorization");
        var foreignPreflight = ringproof.anonymous.send(
                "OPTIONS",
                "api/v1/verifications/vf_x/check",
                null,
                null,
                "Origin",
                "https://evil.example",
                "Access-Control-Request-Method",
                "POST");
        assertThat(foreignPreflight.statusCode()).isEqualTo(403);
        assertThat(foreignPreflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void aPublishableKeyStartsReadsAndChecksItsOwnVerificationsAndNothingElse() {
        var shop = shop("{\"name\":\"Narrow shop\"}", List.of(ORIGIN));
        var own = Http.json(startFrom(shop, ORIGIN, Ringproof.mobile())).getString("id");
        var backends =
                Http.json(Ringproof.start(shop.tenant(), Ringproof.mobile())).getString("id");
        Http browser = shop.browser();

        assertThat(browser.send("GET", "api/v1/verifications/" + own, null, null, "Origin", ORIGIN)
                        .statusCode())
                .isEqualTo(200);
        assertThat(browser.send("GET", "api/v1/verifications/" + backends, null, null, "Origin", ORIGIN)
                        .statusCode())
                .as("a verification the backend started")
                .isEqualTo(404);
        assertThat(browser.postJson(
                                "api/v1/verifications/" + backends + "/check", "{\"code\":\"1234\"}", "Origin", ORIGIN)
                        .statusCode())
                .isEqualTo(404);
        for (String[] route : new String[][] {
            {"GET", "api/v1/verifications"},
            {"POST", "api/v1/verifications/" + own + "/cancel"},
            {"POST", "api/v1/verifications/" + own + "/next"},
            {"GET", "api/v1/usage?from=2026-01-01&to=2026-01-31"},
            {"POST", "api/v1/tokens/redeem"}
        }) {
            boolean post = route[0].equals("POST");
            var answer = browser.send(
                    route[0],
                    route[1],
                    post ? "{\"token\":\"x\"}" : null,
                    post ? "application/json" : null,
                    "Origin",
                    ORIGIN);
            assertThat(answer.statusCode()).as(route[0] + " " + route[1]).isEqualTo(403);
            assertThat(answer.body()).doesNotContain("Exception");
        }
        for (String path : new String[] {
            "api/admin/v1/tenants", "api/admin/v1/tenants/" + shop.tenant().id() + "/api-keys", "api/billing/v1/usage"
        }) {
            assertThat(browser.send("GET", path, null, null, "Origin", ORIGIN).statusCode())
                    .as(path)
                    .isEqualTo(401);
        }
        var withAddress = browser.postJson(
                "api/v1/verifications",
                "{\"phone\":\"" + Ringproof.mobile() + "\",\"client_ip\":\"203.0.113.9\"}",
                "Origin",
                ORIGIN);
        assertThat(withAddress.statusCode()).isEqualTo(400);
        assertThat(withAddress.body()).contains("client_ip");
    }

    @Test
    void aTokenRedeemsOnceAndOnlyWithTheTenantsSecretKeyOfItsWorld() {
        var shop = shop("{\"name\":\"Token shop\"}", List.of(ORIGIN));
        String phone = Ringproof.mobile();
        var started = Http.json(startFrom(shop, ORIGIN, phone));
        String from =
                ringproof.inboxWhen(phone, m -> !m.isEmpty()).getJsonObject(0).getString("from");
        var checked = Http.json(shop.browser()
                .postJson(
                        "api/v1/verifications/" + started.getString("id") + "/check",
                        "{\"code\":\"" + from.substring(from.length() - 4) + "\"}",
                        "Origin",
                        ORIGIN));
        assertThat(checked.getString("status")).isEqualTo("approved");
        String token = checked.getString("token");
        assertThat(token).matches("rp_vt_[A-Za-z0-9_-]{43}");
        var secretCheck = Http.json(Ringproof.check(
                shop.tenant(),
                Http.json(Ringproof.start(shop.tenant(), Ringproof.mobile())).getString("id"),
                "0000"));
        assertThat(secretCheck.containsKey("token"))
                .as("a secret key's check carries no token")
                .isFalse();

        String body = "{\"token\":\"" + token + "\"}";
        var other = ringproof.tenant("{\"name\":\"Other shop\"}", "test");
        assertThat(other.api().postJson("api/v1/tokens/redeem", body).statusCode())
                .isEqualTo(404);
        var live = Http.json(ringproof.admin.postJson(
                        "api/admin/v1/tenants/" + shop.tenant().id() + "/api-keys", "{\"mode\":\"live\"}"))
                .getString("key");
        assertThat(Http.bearer(live).postJson("api/v1/tokens/redeem", body).statusCode())
                .as("the tenant's live key, for a test token")
                .isEqualTo(404);
        assertThat(shop.browser()
                        .postJson("api/v1/tokens/redeem", body, "Origin", ORIGIN)
                        .statusCode())
                .isEqualTo(403);

        var redeemed = shop.tenant().api().postJson("api/v1/tokens/redeem", body);
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        JsonObject proof = Http.json(redeemed);
        assertThat(proof.getString("phone")).isEqualTo(phone);
        assertThat(proof.getString("verification_id")).isEqualTo(started.getString("id"));
        assertThat(proof.getString("verified_at")).isNotBlank();

        var again = shop.tenant().api().postJson("api/v1/tokens/redeem", body);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(again.body()).contains("already redeemed");
        assertThat(shop.tenant()
                        .api()
                        .postJson("api/v1/tokens/redeem", "{\"token\":\"rp_vt_short\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theWidgetFollowsTheFallbackToSmsAndVoiceRefusesAWrongCodeAndAcceptsTheSmsCode() {
        var shop = shop(
                "{\"name\":\"Patient shop\",\"fallback_after_seconds\":{\"missed_call\":2,\"sms\":8}}",
                List.of(ORIGIN));
        String phone = Ringproof.mobile();
        try (var browser = new Browser()) {
            open(browser, shop.publishable());
            browser.type(By.id("rp1-phone"), phone.substring(3));
            browser.driver.findElement(By.id("rp1-start")).click();
            browser.awaitText(By.id("rp1-status"), "We are calling you from +44 20");

            browser.awaitText(By.id("rp1-status"), "We sent a text message with a 6-digit code");
            assertThat(browser.driver.findElement(By.id("rp1-countdown")).getText())
                    .contains("we will call you with the code");
            browser.type(By.id("rp1-code"), "000000");
            browser.driver.findElement(By.id("rp1-confirm")).click();
            browser.awaitText(By.id("rp1-alert"), "That code is not right. 4 tries left.");

            browser.awaitText(By.id("rp1-status"), "to read out a 6-digit code");
            var inbox = ringproof.inboxWhen(phone, m -> m.size() >= 3);
            assertThat(inbox.stream().map(m -> m.asJsonObject().getString("type")))
                    .containsExactly("call", "sms", "voice");
            browser.type(By.id("rp1-code"), codeIn(inbox.getJsonObject(1)));
            browser.driver.findElement(By.id("rp1-confirm")).click();
            browser.awaitText(By.id("rp1-status"), "is verified");

            String token =
                    browser.driver.findElement(By.name("ringproof_token")).getAttribute("value");
            var redeemed = shop.tenant().api().postJson("api/v1/tokens/redeem", "{\"token\":\"" + token + "\"}");
            assertThat(Http.json(redeemed).getString("phone")).isEqualTo(phone);
        }
    }

    @Test
    void aPersonCompletesTheWidgetWithTheKeyboardOnlyInFrench() {
        var shop = shop("{\"name\":\"Keyboard shop\"}", List.of(ORIGIN));
        String phone = Ringproof.mobile();
        try (var browser = new Browser()) {
            open(browser, shop.publishable());
            browser.driver.executeScript(
                    "document.documentElement.lang = 'fr'; Ringproof.mount("
                            + "document.getElementById('widget'), {key: arguments[0]})",
                    shop.publishable());
            browser.await(By.id("rp2-phone"));
            var keys = new Actions(browser.driver);
            for (int i = 0; i < 6 && !"rp2-phone".equals(activeId(browser)); i++) {
                keys.sendKeys(Keys.TAB).perform();
            }
            assertThat(activeId(browser)).as("Tab reaches the number").isEqualTo("rp2-phone");
            keys.sendKeys("0" + phone.substring(3)).perform();
            assertThat(browser.driver.findElement(By.id("rp2-phone")).getAttribute("value"))
                    .as("formatted as typed")
                    .isEqualTo("0" + phone.substring(3, 7) + " " + phone.substring(7));
            keys.sendKeys(Keys.TAB, Keys.ENTER).perform();
            browser.awaitText(By.id("rp2-status"), "Nous vous appelons depuis le +44 20");
            assertThat(activeId(browser)).as("focus moves to the code").isEqualTo("rp2-code");
            assertThat(browser.driver.findElement(By.id("rp2-status")).getAttribute("aria-live"))
                    .isEqualTo("polite");
            assertThat(browser.driver
                            .findElement(By.cssSelector("label[for=rp2-code]"))
                            .getText())
                    .isEqualTo("Code");

            String from = ringproof
                    .inboxWhen(phone, m -> !m.isEmpty())
                    .getJsonObject(0)
                    .getString("from");
            keys.sendKeys(from.substring(from.length() - 4), Keys.ENTER).perform();
            browser.awaitText(By.id("rp2-status"), "est v\u00e9rifi\u00e9");
            assertThat(browser.driver.findElement(By.id("widget")).getAttribute("data-ringproof-verified"))
                    .isEqualTo("true");
        }
    }

    @Test
    void theWidgetOnAnOriginItsKeyDoesNotAllowShowsTheRefusalAndCallsNobody() {
        var shop = shop("{\"name\":\"Elsewhere shop\"}", List.of("https://shop.example"));
        String phone = Ringproof.mobile();
        try (var browser = new Browser()) {
            open(browser, shop.publishable());
            browser.type(By.id("rp1-phone"), phone.substring(3));
            browser.driver.findElement(By.id("rp1-start")).click();
            browser.awaitText(By.id("rp1-alert"), "only be used from the web origins");
        }
        assertThat(ringproof.inboxStays(phone, Duration.ofSeconds(2), JsonArray::isEmpty))
                .isEmpty();
    }

    @Test
    void anAdminIssuesAPublishableKeyInTheConsoleAndSeesItListedWithItsOrigins() {
        var tenant = ringproof.tenant("{\"name\":\"Console shop\"}", "live");
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("tenants/keys.xhtml?tenant=" + tenant.id());
            browser.type(By.id("publishable:publishable-label"), "sign-up page");
            browser.type(By.id("publishable:origins"), "https://Shop.example, http://localhost:3000");
            browser.driver.findElement(By.id("publishable:issue-publishable")).click();
            browser.awaitText(By.id("keys:table"), "sign-up page");
            String listed = browser.await(By.cssSelector(".publishable-key")).getText();
            assertThat(listed).matches("rp_pub_live_[a-z2-7]{26}");
            assertThat(browser.driver
                            .findElement(By.cssSelector(".allowed-origins"))
                            .getText())
                    .isEqualTo("https://shop.example http://localhost:3000");

            browser.type(By.id("publishable:publishable-label"), "bad");
            browser.type(By.id("publishable:origins"), "https://shop.example/signup");
            browser.driver.findElement(By.id("publishable:issue-publishable")).click();
            browser.awaitText(By.id("publishable"), "must be an origin such as https://shop.example");
        }
        var keys = Http.jsonArray(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id() + "/api-keys"));
        assertThat(keys.stream().filter(k -> k.asJsonObject().getString("kind").equals("publishable")))
                .as("the bad origin issued nothing")
                .hasSize(1);
    }

    static void open(Browser browser, String key) {
        browser.driver.get(Http.BASE
                .resolve("demo/?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8))
                .toString());
        browser.await(By.id("rp1-phone"));
    }

    private static String activeId(Browser browser) {
        return (String) browser.driver.executeScript("return document.activeElement && document.activeElement.id");
    }

    private static String codeIn(JsonObject message) {
        Matcher matcher = SIX_DIGITS.matcher(message.getString("text"));
        assertThat(matcher.find()).as(message.toString()).isTrue();
        return matcher.group(1);
    }
}
