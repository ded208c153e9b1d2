package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

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
 * pumped, +44753 is its neighbour. Blocks made here are lifted afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class FraudGuardIT {

    private static final String BLOCKS = "api/admin/v1/blocks";
    private static final String PUMPED = "+44752";

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @AfterEach
    void liftBlocksMadeHere() {
        blocks().stream().filter(b -> b.getString("prefix").equals(PUMPED))
                .forEach(b -> ringproof.admin.send("DELETE", BLOCKS + "/" + b.getString("id"), null, null));
    }

    @Test
    void denyListedPrefixIsNeverDialled() {
        var tenant = ringproof.tenant("Deny list");
        String phone = "+447590" + Ringproof.mobile().substring(7);

        var refused = Ringproof.start(tenant, phone);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(Http.json(refused).getString("code")).isEqualTo("fraud_blocked");
        assertThat(refused.body()).doesNotContain("+44759");
        Ringproof.sleep(Duration.ofMillis(500));
        assertThat(ringproof.inbox(phone)).isEmpty();
    }

    @Test
    void pumpingOnePrefixBlocksItWhileItsNeighbourKeepsWorking() {
        var pumper = ringproof.tenant("Pumper");
        List<HttpResponse<String>> answers = new ArrayList<>();
        Instant began = Instant.now();

        for (int i = 0; i < 300; i++) {
            answers.add(Ringproof.start(pumper, PUMPED + String.format("0%06d", i)));
        }

        int passed = (int) answers.stream().takeWhile(r -> r.statusCode() == 201).count();
        assertThat(passed).as("starts before the block: fraud.velocity.min-starts on a new prefix").isEqualTo(200);
        assertThat(answers.subList(passed, answers.size())).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(Http.json(r).getString("code")).isEqualTo("fraud_blocked");
        });
        assertThat(ringproof.inbox(PUMPED + String.format("0%06d", 299))).as("nothing sent once blocked").isEmpty();
        assertThat(Ringproof.start(pumper, "+447530" + Ringproof.mobile().substring(7)).statusCode())
                .as("the neighbouring prefix").isEqualTo(201);

        var block = blocks().stream().filter(b -> b.getString("prefix").equals(PUMPED)).findFirst().orElseThrow();
        assertThat(block.getString("id")).startsWith("bl_");
        assertThat(block.getString("reason")).isEqualTo("velocity");
        assertThat(block.getString("detail")).contains("starts in 10 minutes");
        var expires = Instant.parse(block.getString("expires_at"));
        assertThat(expires).isBetween(began.plus(Duration.ofHours(12)).minusSeconds(5),
                Instant.now().plus(Duration.ofHours(12)).plusSeconds(5));

        // one pumping run serves both: it is the bulk of a suite's outbound messages
        assertThat(ringproof.admin.send("DELETE", BLOCKS + "/" + block.getString("id"), null, null).statusCode())
                .isEqualTo(204);
        assertThat(blocks()).noneMatch(b -> b.getString("id").equals(block.getString("id")));
        var again = Ringproof.start(pumper, PUMPED + "1000000");
        assertThat(again.statusCode()).as("lifted: the prefix works again").isEqualTo(201);
        assertThat(ringproof.admin.send("DELETE", BLOCKS + "/bl_unknown", null, null).statusCode()).isEqualTo(404);
    }

    private List<JsonObject> blocks() {
        var answer = ringproof.admin.get(BLOCKS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.jsonArray(answer).getValuesAs(JsonObject.class);
    }
}
