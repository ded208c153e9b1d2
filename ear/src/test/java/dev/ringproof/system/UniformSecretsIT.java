package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A missed call's code is uniform over 10^N values: a number is the CLI of an N-digit code
 * only while all 10^N numbers sharing its shown prefix are in the enabled pools of the
 * country. Each test has a country of its own (no other system test has pools there), so
 * the blocks it sees are its own.
 */
@ExtendWith(ArquillianExtension.class)
class UniformSecretsIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MISSED_CALL_THEN_SMS = "[\"missed_call\",\"sms\"]";

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void tenThousandNumbersFromTenThousandBlocksServeNoMissedCall() {
        String pool = pool("Milan, scattered", "IT");
        JsonObject seen = null;
        for (int batch = 0; batch < 10; batch++) {
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                numbers.add("+3902" + String.format("%04d", batch * 1000 + i) + digits(4));
            }
            seen = add(
                    pool,
                    Json.createObjectBuilder()
                            .add("numbers", Json.createArrayBuilder(numbers))
                            .build());
        }

        assertThat(seen.getInt("size")).isEqualTo(10_000);
        assertBlocks(seen, 0, 0);
        assertBlocks(pool(pool), 0, 0);
        var tenant = ringproof.tenant("Milan");
        String phone = "+39347" + digits(7);
        var verification = start(tenant, phone);
        assertThat(verification.getJsonArray("workflow").getValuesAs(JsonString::getString))
                .containsExactly("missed_call", "sms");
        assertStartedOnSms(verification);
        var inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
        assertThat(inbox.stream().map(m -> m.asJsonObject().getString("type"))).containsExactly("sms");
    }

    @Test
    void onlyTheWholeBlockServesAndEveryCallComesFromIt() {
        String block = "+35121" + (100 + RANDOM.nextInt(900));
        String pool = pool("Lisbon", "PT");
        add(pool, range(block + "0000", block + "9999"));
        List<String> strays = new ArrayList<>();
        for (int other = 0; other < 1000; other++) {
            String prefix = "+35121" + String.format("%03d", other);
            if (!prefix.equals(block)) {
                strays.add(prefix + digits(4));
            }
        }
        var seen = add(
                pool,
                Json.createObjectBuilder()
                        .add("numbers", Json.createArrayBuilder(strays))
                        .build());

        assertThat(seen.getInt("size")).isEqualTo(10_999);
        assertBlocks(seen, 4, 10_000);
        var tenant = ringproof.tenant("Lisbon");
        for (int i = 0; i < 12; i++) {
            String phone = "+35191" + digits(7);
            var attempt = missedCall(start(tenant, phone));
            assertThat(attempt.getString("cli_prefix")).isEqualTo(block);
            assertThat(callerOf(phone)).startsWith(block).hasSize(block.length() + 4);
        }
        var fiveDigits = ringproof.tenant("{\"name\":\"Lisbon five\",\"code_length\":5}", "live");
        assertStartedOnSms(start(fiveDigits, "+35191" + digits(7)));
    }

    @Test
    void aFiveDigitCodeNeedsAWholeBlockOfAHundredThousand() {
        String area = "+4121" + (1 + RANDOM.nextInt(8));
        String pool = pool("Lausanne", "CH");
        // ten whole blocks of 10 000 across two blocks of 100 000, neither of them whole
        var seen = add(pool, range(area + "550000", area + "649999"));
        assertThat(seen.getInt("size")).isEqualTo(100_000);
        assertBlocks(seen, 4, 100_000);
        var fiveDigits = ringproof.tenant("{\"name\":\"Lausanne five\",\"code_length\":5}", "live");
        var fourDigits = ringproof.tenant("Lausanne four");

        assertStartedOnSms(start(fiveDigits, "+4179" + digits(7)));
        assertThat(missedCall(start(fourDigits, "+4179" + digits(7))).getInt("code_length"))
                .isEqualTo(4);

        seen = add(pool, range(area + "500000", area + "549999"));
        assertBlocks(seen, 5, 150_000);
        String phone = "+4179" + digits(7);
        var attempt = missedCall(start(fiveDigits, phone));
        assertThat(attempt.getString("cli_prefix")).isEqualTo(area + "5");
        assertThat(attempt.getInt("code_length")).isEqualTo(5);
        assertThat(callerOf(phone)).startsWith(area + "5").hasSize(area.length() + 6);
    }

    @Test
    void removingOneNumberTakesItsBlockOutOfService() {
        String block = "+4822" + (100 + RANDOM.nextInt(900));
        String pool = pool("Warsaw", "PL");
        assertBlocks(add(pool, range(block + "0000", block + "9999")), 4, 10_000);
        var tenant = ringproof.tenant("Warsaw");
        missedCall(start(tenant, "+4860" + digits(7)));

        var removed = ringproof.admin.send(
                "DELETE", "api/admin/v1/pools/" + pool + "/numbers/" + block + digits(4), null, null);

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        var seen = Http.json(removed);
        assertThat(seen.getInt("size")).isEqualTo(9_999);
        assertBlocks(seen, 3, 0);
        assertStartedOnSms(start(tenant, "+4860" + digits(7)));
    }

    @Test
    void aBlockMaySpanPoolsOfACountryAndDisablingOneTakesTheBlockOut() {
        String block = "+4618" + (100 + RANDOM.nextInt(900));
        String north = pool("Uppsala north", "SE");
        String south = pool("Uppsala south", "SE");
        add(north, range(block + "0000", block + "4999"));
        add(south, range(block + "5000", block + "9999"));
        assertBlocks(pool(north), 4, 5_000);
        assertBlocks(pool(south), 4, 5_000);
        var tenant = ringproof.tenant("Uppsala");
        String phone = "+4670" + digits(7);
        assertThat(missedCall(start(tenant, phone)).getString("cli_prefix")).isEqualTo(block);
        assertThat(callerOf(phone)).startsWith(block);

        assertBlocks(enable(south, false), 0, 0);

        assertBlocks(pool(north), 3, 0);
        assertStartedOnSms(start(tenant, "+4670" + digits(7)));
        assertBlocks(enable(south, true), 4, 5_000);
        assertBlocks(pool(north), 4, 5_000);
        missedCall(start(tenant, "+4670" + digits(7)));
    }

    private String pool(String name, String country) {
        var created = ringproof.admin.postJson(
                "api/admin/v1/pools", "{\"name\":\"" + name + "\",\"country\":\"" + country + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertBlocks(Http.json(created), 0, 0);
        return Http.json(created).getString("id");
    }

    private JsonObject pool(String id) {
        var seen = ringproof.admin.get("api/admin/v1/pools/" + id);
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        return Http.json(seen);
    }

    private JsonObject add(String pool, JsonObject numbers) {
        var added = ringproof.admin.postJson("api/admin/v1/pools/" + pool + "/numbers", numbers.toString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        return Http.json(added);
    }

    private JsonObject enable(String pool, boolean enabled) {
        var patched = ringproof.admin.send(
                "PATCH", "api/admin/v1/pools/" + pool, "{\"enabled\":" + enabled + "}", "application/json");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        return Http.json(patched);
    }

    private static JsonObject range(String from, String to) {
        return Json.createObjectBuilder()
                .add(
                        "ranges",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("from", from)
                                        .add("to", to)))
                .build();
    }

    private static void assertBlocks(JsonObject pool, int codeDigits, long usableNumbers) {
        assertThat(pool.getInt("code_digits")).as("code_digits of " + pool).isEqualTo(codeDigits);
        assertThat(pool.containsKey("usable_numbers"))
                .as("a pool reports usable_numbers: " + pool)
                .isTrue();
        assertThat(pool.getJsonNumber("usable_numbers").longValue())
                .as("usable_numbers of " + pool)
                .isEqualTo(usableNumbers);
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
        var attempts = verification.getJsonArray("attempts");
        assertThat(attempts).hasSize(1);
        assertThat(attempts.getJsonObject(0).getString("channel")).isEqualTo("sms");
    }

    private String callerOf(String phone) {
        var inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
        assertThat(inbox).as("the handset's inbox").isNotEmpty();
        var call = inbox.getJsonObject(0);
        assertThat(call.getString("type")).isEqualTo("call");
        return call.getString("from");
    }

    private static String digits(int count) {
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(RANDOM.nextInt(10));
        }
        return out.toString();
    }
}
