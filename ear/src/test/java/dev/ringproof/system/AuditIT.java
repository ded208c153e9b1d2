package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The audit trail on the real server (docs/security.md, audit trail; docs/api.md, GET
 * /api/admin/v1/audit): each kind of admin change through the API and the console lands with
 * its actor, role, address and the fields it changed, never a secret; refused changes leave
 * nothing; sign-ins and failed sign-ins are there; the listing pages without gaps, comes as CSV,
 * refuses bad input; and the database refuses to change an entry.
 */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

    private static final String AUDIT = "api/admin/v1/audit";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void tenantKeyAndWebhookChangesThroughTheApiNameTheAdminAndTheFieldsChanged() {
        var admin = ringproof.admin;
        var created = admin.postJson(
                "api/admin/v1/tenants",
                "{\"name\":\"Audited Co\",\"webhook_url\":\"http://127.0.0.1:9/audit\",\"webhook_allow_private\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String tenant = Http.json(created).getString("id");
        String firstSecret = Http.json(created).getString("webhook_secret");
        var patched = admin.send(
                "PATCH", "api/admin/v1/tenants/" + tenant, "{\"max_checks\":3}", "application/merge-patch+json");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        var refused = admin.send(
                "PATCH", "api/admin/v1/tenants/" + tenant, "{\"max_checks\":-1}", "application/merge-patch+json");
        assertThat(refused.statusCode()).isEqualTo(400);
        var key = admin.postJson(
                "api/admin/v1/tenants/" + tenant + "/api-keys", "{\"label\":\"audited key\",\"mode\":\"live\"}");
        String keyId = Http.json(key).getString("id");
        String token = Http.json(key).getString("key");
        assertThat(admin.send("DELETE", "api/admin/v1/tenants/" + tenant + "/api-keys/" + keyId, null, null)
                        .statusCode())
                .isEqualTo(200);
        var rotated = admin.postJson("api/admin/v1/tenants/" + tenant + "/webhook/secret", "{}");
        String rotatedSecret = Http.json(rotated).getString("webhook_secret");
        assertThat(admin.send("DELETE", "api/admin/v1/tenants/" + tenant, null, null)
                        .statusCode())
                .isEqualTo(200);

        var entries = all("target=" + tenant);
        var keyEntries = all("target=" + keyId);
        String everything = entries.toString() + keyEntries;

        assertThat(actions(entries))
                .containsExactly(
                        "tenant.suspend", "webhook.rotate_secret", "tenant.update", "tenant.create", "webhook.change");
        assertThat(actions(keyEntries)).containsExactly("api_key.revoke", "api_key.issue");
        for (var entry : concat(entries, keyEntries)) {
            assertThat(entry.getString("actor")).isEqualTo(Ringproof.ADMIN);
            assertThat(entry.getString("role")).isEqualTo("admin");
            assertThat(entry.getString("address")).isIn(LOOPBACK);
        }
        var update = changes(entries, "tenant.update");
        assertThat(update.keySet()).containsExactly("max_checks");
        assertThat(update.getJsonObject("max_checks").getInt("from")).isEqualTo(5);
        assertThat(update.getJsonObject("max_checks").getInt("to")).isEqualTo(3);
        assertThat(changes(entries, "tenant.create").getJsonObject("name").get("from"))
                .isEqualTo(JsonValue.NULL);
        assertThat(changes(entries, "tenant.create").getJsonObject("name").getString("to"))
                .isEqualTo("Audited Co");
        assertThat(changes(entries, "webhook.change").getJsonObject("url").getString("to"))
                .isEqualTo("http://127.0.0.1:9/audit");
        assertThat(changes(entries, "webhook.rotate_secret")
                        .getJsonObject("secret")
                        .getBoolean("changed"))
                .isTrue();
        assertThat(changes(entries, "tenant.suspend").getJsonObject("status").getString("to"))
                .isEqualTo("suspended");
        assertThat(changes(keyEntries, "api_key.revoke").keySet()).containsExactly("revoked_at");
        assertThat(everything)
                .doesNotContain(firstSecret)
                .doesNotContain(rotatedSecret)
                .doesNotContain(token)
                // the secret is all after the key's id (rp_live_<id>_<secret>), and base64url may hold '_' too:
                // cut at the last '_', a run checked for the one character "A"
                .doesNotContain(token.split("_", 4)[3]);
    }

    @Test
    void poolRateLimitPriceAndUserChangesAreRecordedToo() {
        var admin = ringproof.admin;
        var pool = Http.json(
                admin.postJson("api/admin/v1/pools", "{\"name\":\"Audit pool\",\"country\":\"GB\",\"enabled\":false}"));
        String poolId = pool.getString("id");
        String number = addSomeNumber(poolId);
        var removed = admin.send("DELETE", "api/admin/v1/pools/" + poolId + "/numbers/" + number, null, null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        admin.send("PATCH", "api/admin/v1/pools/" + poolId, "{\"name\":\"Audit pool 2\"}", "application/json");
        assertThat(admin.send("DELETE", "api/admin/v1/pools/" + poolId, null, null)
                        .statusCode())
                .isEqualTo(204);

        var policy = admin.postJson(
                "api/admin/v1/rate-limits",
                "{\"scope\":\"tenant\",\"tenant_id\":null,\"limit\":100000,\"window_seconds\":60}");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(201);
        String policyId = Http.json(policy).getString("id");
        admin.send("DELETE", "api/admin/v1/rate-limits/" + policyId, null, null);

        var price = admin.postJson(
                "api/admin/v1/prices",
                "{\"channel\":\"voice\",\"country\":\"FO\",\"unit_price\":\"0.4321\",\"currency\":\"EUR\"}");
        assertThat(price.statusCode()).as(price.body()).isEqualTo(201);
        String priceId = Http.json(price).getString("id");

        String user = SignInThrottleIT.billingUser(ringproof, "audited");
        admin.send(
                "PATCH", "api/admin/v1/users/" + user, "{\"password\":\"another-password-456\"}", "application/json");
        admin.send("DELETE", "api/admin/v1/users/" + user, null, null);

        var pools = all("target=" + poolId);
        assertThat(actions(pools))
                .containsExactly("pool.delete", "pool.update", "pool.remove_number", "pool.add_numbers", "pool.create");
        assertThat(changes(pools, "pool.add_numbers").getJsonObject("ranges").toString())
                .contains(number);
        assertThat(changes(pools, "pool.remove_number").getJsonObject("number").getString("to"))
                .isEqualTo(number);
        assertThat(changes(pools, "pool.delete").getJsonObject("name").get("to"))
                .isEqualTo(JsonValue.NULL);
        assertThat(actions(all("target=" + policyId))).containsExactly("rate_limit.delete", "rate_limit.create");
        var prices = all("target=" + priceId);
        assertThat(actions(prices)).containsExactly("price.set");
        assertThat(changes(prices, "price.set").getJsonObject("unit_price").getString("to"))
                .isEqualTo("0.4321");
        var users = all("target=" + user);
        assertThat(actions(users)).containsExactly("user.disable", "user.update", "user.create");
        assertThat(changes(users, "user.update").getJsonObject("password_hash").getBoolean("changed"))
                .isTrue();
        assertThat(changes(users, "user.disable").getJsonObject("enabled").getBoolean("to"))
                .isFalse();
        assertThat(users.toString())
                .doesNotContain("another-password-456")
                .doesNotContain(SignInThrottleIT.PASSWORD)
                .doesNotContain("pbkdf2")
                .doesNotContain("PBKDF2");
        for (var entry : concat(pools, users)) {
            assertThat(entry.getString("actor")).isEqualTo(Ringproof.ADMIN);
        }
    }

    @Test
    void signInsAndFailedSignInsAreRecordedWithoutWhatWasTypedAsAName() {
        String user = SignInThrottleIT.billingUser(ringproof, "typo");
        assertThat(Http.basic(user, "wrong-password-000")
                        .get(SignInThrottleIT.USAGE)
                        .statusCode())
                .isEqualTo(401);
        String typedName = "secret-looking-" + RANDOM.nextInt(1_000_000);
        assertThat(Http.basic(typedName, "x").get(SignInThrottleIT.USAGE).statusCode())
                .isEqualTo(401);

        var failed = all("target=" + user + "&action=user.sign_in_failed");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getString("actor")).isEqualTo(user);
        assertThat(failed.get(0).getString("address")).isIn(LOOPBACK);
        assertThat(failed.get(0)
                        .getJsonObject("changes")
                        .getJsonObject("outcome")
                        .getString("to"))
                .isEqualTo("refused");
        var latest = page("action=user.sign_in_failed&limit=100");
        assertThat(latest.toString()).doesNotContain(typedName).doesNotContain("wrong-password-000");

        long before = page("limit=1")
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("seq")
                .longValue();
        try (var browser = new Browser()) {
            browser.signIn(user, SignInThrottleIT.PASSWORD);
        }
        var signIn = all("target=" + user + "&action=user.sign_in");
        assertThat(signIn).hasSize(1);
        assertThat(signIn.get(0).getString("actor")).isEqualTo(user);
        assertThat(signIn.get(0).getString("role")).isEqualTo("billing");
        assertThat(signIn.get(0).getJsonNumber("seq").longValue()).isGreaterThan(before);
    }

    @Test
    void consoleChangesNameTheSignedInAdminAndTheAuditPageFindsThem() {
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("tenants/edit.xhtml");
            browser.type(By.id("tenant:name"), "Console audited " + RANDOM.nextInt(1_000_000));
            browser.driver.findElement(By.id("tenant:save")).click();
            String tenant = browser.await(By.id("tenant-id")).getText();

            var entries = all("target=" + tenant);
            assertThat(actions(entries)).containsExactly("tenant.create");
            assertThat(entries.get(0).getString("actor")).isEqualTo(Ringproof.ADMIN);
            assertThat(entries.get(0).getString("role")).contains("admin");
            assertThat(entries.get(0).getString("address")).isIn(LOOPBACK);

            browser.open("audit/log.xhtml");
            browser.type(By.id("search:target"), tenant);
            browser.driver.findElement(By.id("search:search-button")).click();
            browser.awaitCount(By.cssSelector("[id='results:table'] tbody tr"), 1);
            browser.awaitText(By.id("results:table"), "tenant.create");
            assertThat(browser.driver.findElement(By.id("results:table")).getText())
                    .contains(tenant)
                    .contains(Ringproof.ADMIN);
            browser.screenshot("audit");
        }
    }

    @Test
    void billingUsersMayNotReadTheTrail() {
        String user = SignInThrottleIT.billingUser(ringproof, "nosy");
        assertThat(Http.basic(user, SignInThrottleIT.PASSWORD).get(AUDIT).statusCode())
                .isEqualTo(403);
        assertThat(ringproof.anonymous.get(AUDIT).statusCode()).isEqualTo(401);
    }

    @Test
    void pagesFollowEachOtherWithoutGapsAndComeAsCsvToo() {
        String tenant = Http.json(ringproof.admin.postJson("api/admin/v1/tenants", "{\"name\":\"Paged Co\"}"))
                .getString("id");
        for (int checks = 1; checks <= 9; checks++) {
            var patched = ringproof.admin.send(
                    "PATCH",
                    "api/admin/v1/tenants/" + tenant,
                    "{\"max_checks\":" + checks + "}",
                    "application/merge-patch+json");
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        }
        var seen = new ArrayList<Long>();
        String cursor = null;
        int pages = 0;
        do {
            var json = page("target=" + tenant + "&limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            json.getJsonArray("items")
                    .forEach(item ->
                            seen.add(item.asJsonObject().getJsonNumber("seq").longValue()));
            cursor = json.isNull("next_cursor") ? null : json.getString("next_cursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(10).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(seen)
                .containsExactlyElementsOf(all("target=" + tenant).stream()
                        .map(e -> e.getJsonNumber("seq").longValue())
                        .toList());

        var csv = ringproof.admin.send("GET", AUDIT + "?limit=3", null, null, "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        var lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("seq,at,actor,role,address,action,target_type,target_id,changes");
        assertThat(lines).hasSize(4);
        assertThat(csv.headers().firstValue("Next-Cursor")).isPresent();
    }

    @Test
    void badFiltersAreProblemsAndChangeNothing() {
        for (String query : List.of(
                "limit=0",
                "limit=101",
                "limit=x",
                "cursor=bm90IGEgY3Vyc29y",
                "from=2026-13-01",
                "from=2026-11-02&to=2026-11-01")) {
            var answer = ringproof.admin.get(AUDIT + "?" + query);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as(query)
                    .startsWith("application/problem+json");
        }
    }

    @Test
    void theApplicationsDatabaseUserCannotChangeOrRemoveAnEntry() throws SQLException {
        // on H2 the server holds the database file; AuditTrailMigrationTest proves the same trigger there
        org.junit.jupiter.api.Assumptions.assumeTrue(
                SharedDatabase.isPostgres(),
                "runs in CI's PostgreSQL pass; on the embedded H2, AuditTrailMigrationTest proves the trigger");
        try (var c = SharedDatabase.connect();
                var s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_entry set actor = 'nobody'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_entry"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
    }

    private String addSomeNumber(String poolId) {
        for (int tries = 0; tries < 50; tries++) {
            String number = "+44207" + (100 + RANDOM.nextInt(900)) + String.format("%04d", RANDOM.nextInt(10_000));
            var added = ringproof.admin.postJson(
                    "api/admin/v1/pools/" + poolId + "/numbers", "{\"numbers\":[\"" + number + "\"]}");
            if (added.statusCode() == 200) {
                return number;
            }
        }
        throw new IllegalStateException("no free London number");
    }

    private JsonObject page(String query) {
        HttpResponse<String> answer = ringproof.admin.get(AUDIT + "?" + query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.json(answer);
    }

    /** Every entry the filters match, newest first, over as many pages as it takes. */
    private List<JsonObject> all(String filters) {
        var entries = new ArrayList<JsonObject>();
        String cursor = null;
        do {
            var json = page(filters + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            json.getJsonArray("items").forEach(item -> entries.add(item.asJsonObject()));
            cursor = json.isNull("next_cursor") ? null : json.getString("next_cursor");
        } while (cursor != null);
        return entries;
    }

    private static List<String> actions(List<JsonObject> entries) {
        return entries.stream().map(e -> e.getString("action")).toList();
    }

    private static JsonObject changes(List<JsonObject> entries, String action) {
        return entries.stream()
                .filter(e -> e.getString("action").equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in " + entries))
                .getJsonObject("changes");
    }

    private static List<JsonObject> concat(List<JsonObject> a, List<JsonObject> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(new HashSet<>(all)).hasSameSizeAs(all);
        return all;
    }
}
