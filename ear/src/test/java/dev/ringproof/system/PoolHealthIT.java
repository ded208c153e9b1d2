package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Caller-number health through the real server: the sandbox handset that answers rests the
 * CLI with its block, which is then never drawn; an admin rests and restores; a rested block
 * keeps every code uniform; the hourly cap holds under parallel starts; the console's Pool
 * health page shows a rest and restores. Each test has a
 * country no other system test has pools in (BE, DK, NO), so the draws it sees are its own.
 */
@ExtendWith(ArquillianExtension.class)
class PoolHealthIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MISSED_CALL_THEN_SMS = "[\"missed_call\",\"sms\"]";
    private static final Duration MINUTE = Duration.ofSeconds(70);

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    /** The cap and the counters go by UTC hour and day: a test does not straddle an hour's edge. */
    @BeforeEach
    void awayFromAnHourEdge() {
        long millisIntoHour = System.currentTimeMillis() % 3_600_000;
        if (millisIntoHour > 3_600_000 - 150_000) {
            Ringproof.sleep(Duration.ofMillis(3_600_000 - millisIntoHour + 500));
        }
    }

    @Test
    void aCallerNumberAnsweredTooOftenRestsWithItsBlockAndIsNoLongerDrawn() {
        String pool = pool("Brussels", "BE");
        String first = freeBlock(pool, "+3222", 2);
        String second = freeBlock(pool, "+3222", 2);
        var rules = patchRules(pool, "{\"min_calls\":1,\"max_answered_percent\":50}");
        assertThat(rules.getJsonObject("rules").getInt("min_calls")).isEqualTo(1);
        assertThat(rules.getJsonObject("rules").getInt("max_calls_per_hour"))
                .as("left as it was")
                .isEqualTo(30);
        var tenant = ringproof.tenant("Brussels");
        price("missed_call", "BE", "0.0050");
        price("voice", "BE", "0.1234");
        String answering = belgianMobile();
        var answer = ringproof.anonymous.send(
                "PUT", "api/sandbox/v1/handsets/" + answering, "{\"calls\":\"answer\"}", "application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        String restedPrefix = missedCall(start(tenant, answering)).getString("cli_prefix");
        String cli = callerOf(answering);
        String other = restedPrefix.equals(first) ? second : first;

        var health = Eventually.until(
                "the answered CLI's block rests",
                Duration.ofSeconds(60),
                () -> health(pool),
                h -> !h.getJsonArray("rested").isEmpty());
        var rested = health.getJsonArray("rested").getJsonObject(0);
        assertThat(rested.getString("from")).isEqualTo(restedPrefix + "0000");
        assertThat(rested.getString("to")).isEqualTo(restedPrefix + "9999");
        assertThat(rested.getString("reason")).isEqualTo("answered");
        assertThat(rested.getString("rested_until")).isNotBlank();
        assertThat(health.getJsonNumber("rested_numbers").longValue()).isEqualTo(10_000);
        assertThat(health.getJsonNumber("usable_numbers").longValue()).isEqualTo(10_000);
        var top = health.getJsonArray("top_answered").getJsonObject(0);
        assertThat(top.getString("number")).isEqualTo(cli);
        assertThat(top.getJsonObject("counts").getInt("answered")).isEqualTo(1);
        assertThat(top.getJsonObject("counts").getInt("placed")).isEqualTo(1);
        var today = health.getJsonArray("days")
                .getJsonObject(health.getJsonArray("days").size() - 1);
        assertThat(today.getJsonObject("counts").getInt("answered")).isEqualTo(1);

        for (int i = 0; i < 12; i++) {
            String phone = belgianMobile();
            assertThat(missedCall(start(tenant, phone)).getString("cli_prefix"))
                    .as("never drawn from the rested block")
                    .isEqualTo(other);
            assertThat(callerOf(phone)).startsWith(other);
        }
        // a missed call confirmed with its caller number's last digits counts as approved on the number's day
        String approving = belgianMobile();
        var confirmed = start(tenant, approving);
        String confirmedPrefix = missedCall(confirmed).getString("cli_prefix");
        String digits = callerOf(approving).substring(confirmedPrefix.length());
        var checked = Ringproof.check(tenant, confirmed.getString("id"), digits);
        assertThat(Http.json(checked).getString("status")).as(checked.body()).isEqualTo("approved");
        var counted = Eventually.until(
                "the approval counted on today's calls",
                Duration.ofSeconds(30),
                () -> lastDay(health(pool)).getJsonObject("counts"),
                counts -> counts.getInt("approved") > 0);
        assertThat(counted.getInt("approved")).isEqualTo(1);
        assertThat(counted.getInt("placed")).isEqualTo(14);

        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("pools/numbers.xhtml?id=" + pool);
            browser.await(By.id("pool-health")).click();
            browser.await(By.id("health-rested"));
            assertThat(browser.driver.findElement(By.id("health-rested")).getText())
                    .isEqualTo("10000");
            assertThat(browser.driver.findElement(By.id("rested")).getText())
                    .contains(restedPrefix + "0000")
                    .contains(restedPrefix + "9999")
                    .contains("answered");
            assertThat(browser.driver.findElement(By.id("top-answered")).getText())
                    .contains(cli);
            assertThat(browser.driver.findElements(By.cssSelector("#days progress.calls")))
                    .isNotEmpty();
            browser.screenshot("pool-health");

            browser.type(By.id("rest:number"), cli);
            browser.driver.findElement(By.id("rest:restore-number")).click();
            browser.awaitText(By.id("rested"), "No number rests.");
            assertThat(browser.driver.findElement(By.id("health-rested")).getText())
                    .isEqualTo("0");
        }
        var restored = health(pool);
        assertThat(restored.getJsonArray("rested")).isEmpty();
        assertThat(restored.getJsonNumber("usable_numbers").longValue()).isEqualTo(20_000);
        var prefixes = new HashSet<String>();
        for (int i = 0; i < 40 && prefixes.size() < 2; i++) {
            prefixes.add(missedCall(start(tenant, belgianMobile())).getString("cli_prefix"));
        }
        assertThat(prefixes).as("restored: drawn from again").containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aRestedBlockKeepsEveryCodeUniform() {
        String pool = pool("Copenhagen", "DK");
        String area = freeBlock(pool, "+4532", 1, 5);
        assertThat(health(pool).getInt("code_digits")).isEqualTo(5);
        var five = ringproof.tenant("{\"name\":\"Copenhagen five\",\"code_length\":5}", "live");
        var four = ringproof.tenant("Copenhagen four");
        assertThat(missedCall(start(five, danishMobile())).getString("cli_prefix"))
                .isEqualTo(area);

        String restedNumber = area + "1" + digits(4);
        var rest = ringproof.admin.postJson(
                "api/admin/v1/pools/" + pool + "/numbers/" + restedNumber + "/rest", "{\"hours\":2}");
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
        var health = Http.json(rest);
        assertThat(health.getInt("code_digits"))
                .as("the block of 100 000 is no longer whole")
                .isEqualTo(4);
        assertThat(health.getJsonNumber("usable_numbers").longValue()).isEqualTo(90_000);
        assertThat(health.getJsonArray("rested").getJsonObject(0).getString("reason"))
                .isEqualTo("admin");

        assertStartedOnSms(start(five, danishMobile()));
        // an admin's change refreshes the gauges at once; a minute's refresh running meanwhile may lag it
        Eventually.until("monitoring sees the block of 100 000 gone", MINUTE, () -> usableBlocks("DK", 5), n -> n == 0);
        assertThat(usableBlocks("DK", 4)).isEqualTo(9);
        assertThat(missedCallShort()).as("readiness warns of it").contains("DK:5");
        for (int i = 0; i < 15; i++) {
            String prefix = missedCall(start(four, danishMobile())).getString("cli_prefix");
            assertThat(prefix).startsWith(area).isNotEqualTo(area + "1");
        }

        var restored = ringproof.admin.postJson(
                "api/admin/v1/pools/" + pool + "/numbers/" + area + "1" + digits(4) + "/restore", "");
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(Http.json(restored).getInt("code_digits")).isEqualTo(5);
        Eventually.until("monitoring sees the block back", MINUTE, () -> usableBlocks("DK", 5), n -> n == 1);
        assertThat(missedCallShort()).doesNotContain("DK:5");
        assertThat(missedCall(start(five, danishMobile())).getString("cli_prefix"))
                .isEqualTo(area);
    }

    /**
     * With a cap of one call per number and hour, the call that reaches a number's cap rests its
     * whole block until the hour ends, so a block is never drawn with one number missing. 12
     * parallel starts into three blocks: no number is called twice, every block that served a
     * call rests for {@code hourly_cap} until the next UTC hour, and once all three rest a start
     * finds no caller number. Only starts already under way when a block's rest commits may
     * still draw from it, so up to 12 may pass, and at least one per block.
     */
    @Test
    void aNumberAtItsHourlyCapRestsItsBlockUntilTheHourEndsUnderParallelStarts() throws Exception {
        String pool = pool("Oslo", "NO");
        var blocks = List.of(freeBlock(pool, "+4722", 2), freeBlock(pool, "+4722", 2), freeBlock(pool, "+4722", 2));
        patchRules(pool, "{\"max_calls_per_hour\":1}");
        // no fallback: SMS falling due later would land in other classes' usage reports
        var tenant = ringproof.tenant("{\"name\":\"Oslo\",\"workflow\":[\"missed_call\"]}", "live");
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            phones.add(norwegianMobile());
        }

        var answers = InParallel.all(phones.stream()
                .<Callable<HttpResponse<String>>>map(phone -> () -> Ringproof.start(tenant, phone))
                .toList());

        var callers = new ArrayList<String>();
        for (int i = 0; i < answers.size(); i++) {
            var answer = answers.get(i);
            assertThat(answer.statusCode()).as(answer.body()).isIn(201, 503);
            if (answer.statusCode() == 201) {
                assertThat(Http.json(answer).getString("channel")).isEqualTo("missed_call");
                callers.add(callerOf(phones.get(i)));
            } else {
                assertProblem(answer, 503);
            }
        }
        assertThat(new HashSet<>(callers)).as("one call per number this hour").hasSameSizeAs(callers);
        assertThat(callers.stream().map(c -> c.substring(0, c.length() - 4)).distinct())
                .as("every block served before it rested")
                .containsExactlyInAnyOrderElementsOf(blocks);
        var rested = health(pool).getJsonArray("rested");
        String nextHour = OffsetDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.HOURS)
                .plusHours(1)
                .toInstant()
                .toString();
        assertThat(rested).hasSize(3).allSatisfy(value -> {
            var block = value.asJsonObject();
            assertThat(block.getString("reason")).isEqualTo("hourly_cap");
            assertThat(OffsetDateTime.parse(block.getString("rested_until"))
                            .toInstant()
                            .toString())
                    .isEqualTo(nextHour);
        });
        assertProblem(Ringproof.start(tenant, norwegianMobile()), 503);
        var today = Eventually.until(
                "every call's outcome counted",
                Duration.ofSeconds(60),
                () -> health(pool),
                h -> !h.getJsonArray("days").isEmpty()
                        && lastDay(h).getJsonObject("counts").getInt("ringing") == callers.size());
        assertThat(lastDay(today).getJsonObject("counts").getInt("placed")).isEqualTo(callers.size());
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        // disabled: its numbers must not join the draws of the Brussels test, whichever runs first
        String pool = pool("Ghent", "BE", false);
        String block = freeBlock(pool, "+3292", 2);
        var before = health(pool).getJsonObject("rules");
        String path = "api/admin/v1/pools/" + pool;

        assertProblem(
                ringproof.admin.send("PATCH", path + "/health", "{\"max_answered_percent\":101}", "application/json"),
                400);
        assertProblem(ringproof.admin.send("PATCH", path + "/health", "{\"rest_hours\":0}", "application/json"), 400);
        assertProblem(
                ringproof.admin.send("PATCH", path + "/health", "{\"min_calls\":\"5\"}", "application/json"), 400);
        assertProblem(ringproof.admin.send("PATCH", path + "/health", "{\"cap\":5}", "application/json"), 400);
        assertProblem(ringproof.admin.postJson(path + "/numbers/" + block + "0001/rest", "{\"hours\":0}"), 400);
        assertProblem(ringproof.admin.postJson(path + "/numbers/" + block + "0001/rest", "{\"until\":\"x\"}"), 400);
        assertProblem(ringproof.admin.postJson(path + "/numbers/not-a-number/rest", "{}"), 400);
        assertProblem(ringproof.admin.postJson(path + "/numbers/+32470123456/rest", "{}"), 404);
        assertProblem(ringproof.admin.postJson(path + "/numbers/" + block + "0001/restore", ""), 404);
        assertProblem(ringproof.admin.get("api/admin/v1/pools/pl_nope/health"), 404);
        assertProblem(ringproof.anonymous.get(path + "/health"), 401);

        var after = health(pool);
        assertThat(after.getJsonObject("rules")).isEqualTo(before);
        assertThat(after.getJsonArray("rested")).isEmpty();
    }

    /** The gauge of a country's whole blocks for a code length, as /metrics serves it. */
    private long usableBlocks(String country, int codeLength) {
        var metrics = ringproof.anonymous.get("metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body()
                .lines()
                .filter(line -> line.startsWith("ringproof_country_usable_blocks{")
                        && line.contains("country=\"" + country + "\"")
                        && line.contains("code_length=\"" + codeLength + "\""))
                .map(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no usable-blocks gauge for " + country + " " + codeLength));
    }

    private String missedCallShort() {
        var ready = ringproof.anonymous.get("health/ready");
        return Http.json(ready)
                .getJsonArray("checks")
                .getJsonObject(0)
                .getJsonObject("data")
                .getString("missed_call_short");
    }

    private JsonObject health(String pool) {
        var seen = ringproof.admin.get("api/admin/v1/pools/" + pool + "/health");
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        return Http.json(seen);
    }

    private void price(String channel, String country, String unitPrice) {
        var set = ringproof.admin.postJson(
                "api/admin/v1/prices",
                "{\"channel\":\"" + channel + "\",\"country\":\"" + country + "\",\"unit_price\":\"" + unitPrice
                        + "\",\"currency\":\"EUR\"}");
        assertThat(set.statusCode()).as(set.body()).isIn(200, 201);
    }

    private JsonObject patchRules(String pool, String json) {
        var patched = ringproof.admin.send("PATCH", "api/admin/v1/pools/" + pool + "/health", json, "application/json");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        return Http.json(patched);
    }

    private String pool(String name, String country) {
        return pool(name, country, true);
    }

    private String pool(String name, String country, boolean enabled) {
        var created = ringproof.admin.postJson(
                "api/admin/v1/pools",
                "{\"name\":\"" + name + "\",\"country\":\"" + country + "\",\"enabled\":" + enabled + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).getString("id");
    }

    private String freeBlock(String pool, String area, int freeDigits) {
        return freeBlock(pool, area, freeDigits, 4);
    }

    /** Adds a whole block of 10^blockDigits numbers not in any pool yet (or not valid: tried again); answers its prefix. */
    private String freeBlock(String pool, String area, int freeDigits, int blockDigits) {
        for (int tries = 0; tries < 50; tries++) {
            String prefix = area + digits(freeDigits);
            var added = ringproof.admin.postJson(
                    "api/admin/v1/pools/" + pool + "/numbers",
                    "{\"ranges\":[{\"from\":\"" + prefix + "0".repeat(blockDigits) + "\",\"to\":\"" + prefix
                            + "9".repeat(blockDigits) + "\"}]}");
            if (added.statusCode() == 200) {
                return prefix;
            }
        }
        throw new IllegalStateException("no free block under " + area);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static JsonObject lastDay(JsonObject health) {
        var days = health.getJsonArray("days");
        return days.getJsonObject(days.size() - 1);
    }

    private static JsonObject start(Ringproof.Tenant tenant, String phone) {
        var started = tenant.api()
                .postJson(
                        "api/v1/verifications",
                        "{\"phone\":\"" + phone + "\",\"channels\":" + MISSED_CALL_THEN_SMS + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return Http.json(started);
    }

    private static JsonObject missedCall(JsonObject verification) {
        assertThat(verification.getString("channel"))
                .as(verification.toString())
                .isEqualTo("missed_call");
        return verification.getJsonArray("attempts").getJsonObject(0);
    }

    private static void assertStartedOnSms(JsonObject verification) {
        assertThat(verification.getString("channel"))
                .as(verification.toString())
                .isEqualTo("sms");
    }

    private String callerOf(String phone) {
        var inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
        var call = inbox.getJsonObject(0);
        assertThat(call.getString("type")).isEqualTo("call");
        return call.getString("from");
    }
    /** Spread over 470 to 479 and a random rest, so no fraud-guard prefix sees much of this test. */
    private static String belgianMobile() {
        return "+3247" + digits(7);
    }

    private static String danishMobile() {
        return "+4522" + (1 + RANDOM.nextInt(9)) + digits(5);
    }

    private static String norwegianMobile() {
        return "+479" + digits(7);
    }

    private static String digits(int count) {
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(RANDOM.nextInt(10));
        }
        return out.toString();
    }
}
