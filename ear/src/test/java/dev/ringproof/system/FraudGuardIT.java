package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fraud guard through the real API. Each rule gets number ranges that no other test
 * dials: +44759 is on the deny list (set for the test server in ear/pom.xml), +44752 is
 * pumped, +44753 is its neighbour, +44751 converts no more, +44754 converts normally. The
 * test server counts starts as finished at once, and lets 150 of them decide conversion
 * (ear/pom.xml). Blocks made here are lifted afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class FraudGuardIT {

    private static final String BLOCKS = "api/admin/v1/blocks";
    private static final String PUMPED = "+44752";
    private static final String COLLAPSED = "+44751";
    private static final String CONVERTING = "+44754";
    /** fraud.conversion.min-starts of the test server. */
    private static final int CONVERSION_MIN_STARTS = 150;

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @AfterEach
    void liftBlocksMadeHere() {
        blocks().stream()
                .filter(b -> List.of(PUMPED, COLLAPSED).contains(b.getString("prefix")))
                .forEach(b -> ringproof.admin.send("DELETE", BLOCKS + "/" + b.getString("id"), null, null));
    }

    @Test
    void denyListedPrefixIsNeverDialled() {
        var tenant = ringproof.tenant("Deny list");
        String phone = Ringproof.mobileIn("+447590");

        var refused = Ringproof.start(tenant, phone);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(Http.json(refused).getString("code")).isEqualTo("fraud_blocked");
        assertThat(refused.body()).doesNotContain("+44759");
        assertThat(ringproof.inboxStays(phone, Duration.ofMillis(500), JsonArray::isEmpty))
                .isEmpty();
    }

    /**
     * Velocity alone: the pumped prefix had a few real users first, so its conversion (10 of at
     * most 199 approved, above 5 %) never blocks it; the jump in starts does.
     */
    @Test
    void pumpingOnePrefixBlocksItWhileItsNeighbourKeepsWorking() {
        ringproof.londonPool();
        // missed calls only: 200 pumped verifications with SMS and voice fallbacks behind them would load every later
        // class
        var pumper = ringproof.tenant("{\"name\":\"Pumper\",\"workflow\":[\"missed_call\"]}", "live");
        List<HttpResponse<String>> answers = new ArrayList<>();
        Instant began = Instant.now();

        for (int i = 0; i < 10; i++) {
            answers.add(approved(pumper, PUMPED + String.format("0%06d", i)));
        }
        for (int i = 10; i < 300; i++) {
            answers.add(Ringproof.start(pumper, PUMPED + String.format("0%06d", i)));
        }

        int passed =
                (int) answers.stream().takeWhile(r -> r.statusCode() == 201).count();
        assertThat(passed)
                .as("starts before the block: fraud.velocity.min-starts on a new prefix")
                .isEqualTo(200);
        assertThat(answers.subList(passed, answers.size())).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(Http.json(r).getString("code")).isEqualTo("fraud_blocked");
        });
        assertThat(ringproof.inbox(PUMPED + String.format("0%06d", 299)))
                .as("nothing sent once blocked")
                .isEmpty();
        assertThat(Ringproof.start(pumper, Ringproof.mobileIn("+447530")).statusCode())
                .as("the neighbouring prefix")
                .isEqualTo(201);

        var block = blocks().stream()
                .filter(b -> b.getString("prefix").equals(PUMPED))
                .findFirst()
                .orElseThrow();
        assertThat(block.getString("id")).startsWith("bl_");
        assertThat(block.getString("reason")).isEqualTo("velocity");
        assertThat(block.getString("detail")).contains("starts in 10 minutes");
        var expires = Instant.parse(block.getString("expires_at"));
        assertThat(expires)
                .isBetween(
                        began.plus(Duration.ofHours(12)).minusSeconds(5),
                        Instant.now().plus(Duration.ofHours(12)).plusSeconds(5));

        // one pumping run serves both: it is the bulk of a suite's outbound messages
        assertThat(ringproof
                        .admin
                        .send("DELETE", BLOCKS + "/" + block.getString("id"), null, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(blocks()).noneMatch(b -> b.getString("id").equals(block.getString("id")));
        var again = Ringproof.start(pumper, PUMPED + "1000000");
        assertThat(again.statusCode()).as("lifted: the prefix works again").isEqualTo(201);
        assertThat(ringproof
                        .admin
                        .send("DELETE", BLOCKS + "/bl_unknown", null, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPrefixWhoseStartsStopApprovingIsBlockedWhileOneThatConvertsKeepsWorking() {
        ringproof.londonPool();
        var tenant = ringproof.tenant("{\"name\":\"Conversion\",\"workflow\":[\"missed_call\"]}", "live");
        Instant began = Instant.now();
        for (int i = 0; i < 8; i++) {
            assertThat(approved(tenant, CONVERTING + String.format("1%06d", i)).statusCode())
                    .isEqualTo(201);
        }
        for (int i = 0; i < CONVERSION_MIN_STARTS; i++) {
            var collapsing = Ringproof.start(tenant, COLLAPSED + String.format("0%06d", i));
            assertThat(collapsing.statusCode())
                    .as("start %d to %s: %s", i, COLLAPSED, collapsing.body())
                    .isEqualTo(201);
            var converting = Ringproof.start(tenant, CONVERTING + String.format("0%06d", i));
            assertThat(converting.statusCode())
                    .as("start %d to %s: %s", i, CONVERTING, converting.body())
                    .isEqualTo(201);
        }

        var refused = Ringproof.start(tenant, COLLAPSED + "1000000");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(Http.json(refused).getString("code")).isEqualTo("fraud_blocked");
        assertThat(ringproof.inbox(COLLAPSED + "1000000"))
                .as("nothing sent once blocked")
                .isEmpty();
        assertThat(Ringproof.start(tenant, CONVERTING + "2000000").statusCode())
                .as("8 of 158 approved: above 5 %, so it keeps working")
                .isEqualTo(201);
        assertThat(blocks()).noneMatch(b -> b.getString("prefix").equals(CONVERTING));

        var block = blocks().stream()
                .filter(b -> b.getString("prefix").equals(COLLAPSED))
                .findFirst()
                .orElseThrow();
        assertThat(block.getString("reason")).isEqualTo("conversion");
        assertThat(block.getString("detail")).startsWith("0 of " + CONVERSION_MIN_STARTS + " starts approved");
        assertThat(Instant.parse(block.getString("expires_at")))
                .isBetween(
                        began.plus(Duration.ofHours(12)).minusSeconds(5),
                        Instant.now().plus(Duration.ofHours(12)).plusSeconds(5));

        assertThat(ringproof
                        .admin
                        .send("DELETE", BLOCKS + "/" + block.getString("id"), null, null)
                        .statusCode())
                .isEqualTo(204);
        var again = Ringproof.start(tenant, COLLAPSED + "1000001");
        assertThat(again.statusCode()).as("lifted: the prefix works again").isEqualTo(201);
    }

    /** A start whose missed call the handset answers with the right digits. */
    private HttpResponse<String> approved(Ringproof.Tenant tenant, String phone) {
        var started = Ringproof.start(tenant, phone);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String cli =
                ringproof.inboxWhen(phone, m -> !m.isEmpty()).getJsonObject(0).getString("from");
        var checked = Ringproof.check(tenant, Http.json(started).getString("id"), cli.substring(cli.length() - 4));
        assertThat(Http.json(checked).getString("status")).as(checked.body()).isEqualTo("approved");
        return started;
    }

    private List<JsonObject> blocks() {
        var answer = ringproof.admin.get(BLOCKS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.jsonArray(answer).getValuesAs(JsonObject.class);
    }
}
