package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The service as the system tests use it: an admin who sets tenants, keys and pools up
 * over the admin API, tenants with their keys, and the sandbox's virtual handsets.
 */
final class Ringproof {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "system-test-admin-pw";
    private static final SecureRandom RANDOM = new SecureRandom();

    final Http admin;
    final Http anonymous;
    private final URI base;

    Ringproof() {
        this(Http.BASE);
    }

    /** The service on another server than the suite's, e.g. {@code http://localhost:20080/}. */
    Ringproof(URI base) {
        this.base = base;
        this.admin = Http.basic(ADMIN, ADMIN_PASSWORD).on(base);
        this.anonymous = new Http().on(base);
    }

    /** A tenant with a key: its id, and a client that calls the tenant API with the key. */
    record Tenant(String id, String key, Http api) {}

    Tenant tenant(String settingsJson, String mode) {
        var created = admin.postJson("api/admin/v1/tenants", settingsJson);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Http.json(created).getString("id");
        var key = admin.postJson(
                "api/admin/v1/tenants/" + id + "/api-keys", "{\"label\":\"system test\",\"mode\":\"" + mode + "\"}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        String token = Http.json(key).getString("key");
        return new Tenant(id, token, Http.bearer(token).on(base));
    }

    Tenant tenant(String name) {
        return tenant("{\"name\":\"" + name + "\"}", "live");
    }

    /** A GB pool holding a whole block of 10 000 London numbers not in any pool yet. */
    JsonObject londonPool() {
        var pool = Http.json(admin.postJson("api/admin/v1/pools", "{\"name\":\"London\",\"country\":\"GB\"}"));
        for (int tries = 0; tries < 50; tries++) {
            String block = "+44207" + (100 + RANDOM.nextInt(900));
            var added = admin.postJson(
                    "api/admin/v1/pools/" + pool.getString("id") + "/numbers",
                    "{\"ranges\":[{\"from\":\"" + block + "0000\",\"to\":\"" + block + "9999\"}]}");
            if (added.statusCode() == 200) {
                return Http.json(added);
            }
        }
        throw new IllegalStateException("no free block of London numbers");
    }

    /** Every number {@link #mobile} has handed out in this run of the suite. */
    private static final Set<String> MOBILES = ConcurrentHashMap.newKeySet();

    /**
     * A fresh UK mobile number that no other test of this run uses, spread over the ranges +44740
     * to +44743 so that the whole suite's traffic to one range stays well below the fraud guard's
     * velocity and conversion thresholds; the last six digits are random. Random alone is not
     * fresh: four million numbers and a suite's thousands of draws make a repeat likely in a run
     * (the birthday bound), and one did: FallbackIT's number got another test's missed call and
     * SMS in its sandbox inbox and failed at once.
     */
    static String mobile() {
        return mobileIn("+4474" + RANDOM.nextInt(4) + "0");
    }

    /**
     * A fresh UK mobile number under {@code prefix} (+44 and 4 digits), its last six digits random,
     * that no other test of this run uses: {@link #mobile()}'s ranges included.
     */
    static String mobileIn(String prefix) {
        if (!prefix.matches("\\+447\\d{3}")) {
            throw new IllegalArgumentException("not a UK mobile prefix of 4 digits: " + prefix);
        }
        while (true) {
            String phone = prefix + String.format("%06d", RANDOM.nextInt(1_000_000));
            if (MOBILES.add(phone)) {
                return phone;
            }
        }
    }

    JsonArray inbox(String phone) {
        var response = anonymous.get("api/sandbox/v1/handsets/" + phone + "/inbox");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.jsonArray(response);
    }

    /**
     * Waits (up to 60 s) until the handset's inbox satisfies {@code condition}. Generous on
     * purpose: on 2 cores the fallbacks of earlier test classes (FraudGuardIT's pumped prefix
     * alone queues hundreds) can delay a timer well past its second; UsageIT timed out at 20 s.
     */
    JsonArray inboxWhen(String phone, Predicate<JsonArray> condition) {
        return inboxWhen(phone, condition, Duration.ofSeconds(60));
    }

    JsonArray inboxWhen(String phone, Predicate<JsonArray> condition, Duration patience) {
        return Eventually.until("the inbox of " + phone, patience, () -> inbox(phone), condition);
    }

    /** Watches the handset's inbox for {@code time}: it must keep satisfying {@code condition}. */
    JsonArray inboxStays(String phone, Duration time, Predicate<JsonArray> condition) {
        return Eventually.stays("the inbox of " + phone + " as it was", time, () -> inbox(phone), condition);
    }

    /** A new console user with the billing role only: its username and password. */
    String[] billingUser() {
        String username = "billing" + Long.toString(System.nanoTime(), 36);
        String password = "billing-password-" + RANDOM.nextInt(1_000_000);
        var created = admin.postJson(
                "api/admin/v1/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"roles\":[\"billing\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new String[] {username, password};
    }

    static HttpResponse<String> start(Tenant tenant, String phone) {
        return tenant.api().postJson("api/v1/verifications", "{\"phone\":\"" + phone + "\"}");
    }

    static HttpResponse<String> check(Tenant tenant, String id, String code) {
        return tenant.api().postJson("api/v1/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}");
    }

    /** Lets time pass as a scenario needs it (a dead server, a stalling fake); never before an assertion. */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
