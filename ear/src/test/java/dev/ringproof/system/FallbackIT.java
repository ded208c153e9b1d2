package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Missed call, then SMS code, then voice code: driven by JMS timers, failures and the tenant's "next". */
@ExtendWith(ArquillianExtension.class)
class FallbackIT {

    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @BeforeEach
    void pool() {
        ringproof.londonPool();
    }

    @Test
    void unconfirmedMissedCallFallsBackToSmsThenVoiceOnTime() {
        var tenant = ringproof.tenant(
                "{\"name\":\"Quick\",\"fallback_after_seconds\":{\"missed_call\":1,\"sms\":2}}", "live");
        String phone = Ringproof.mobile();
        var started = Http.json(Ringproof.start(tenant, phone));
        assertThat(started.getString("next_fallback_at")).isNotBlank();

        JsonArray inbox = ringproof.inboxWhen(phone, messages -> messages.size() >= 3);

        assertThat(inbox.stream().map(m -> m.asJsonObject().getString("type"))).containsExactly("call", "sms", "voice");
        var sms = inbox.getJsonObject(1);
        assertThat(sms.getString("text")).startsWith("Your Quick code is ");
        var verification = Http.json(tenant.api().get("api/v1/verifications/" + started.getString("id")));
        assertThat(verification.getString("channel")).isEqualTo("voice");
        assertThat(verification.getJsonArray("attempts")).hasSize(3);
        assertThat(verification.containsKey("next_fallback_at"))
                .as("the last channel has no fallback")
                .isFalse();

        var checked = Ringproof.check(tenant, started.getString("id"), codeIn(sms));
        assertThat(Http.json(checked).getString("status")).isEqualTo("approved");
    }

    /**
     * A timer further away than the outbox's relay horizon (30 s) is not handed to the broker at
     * the start: it waits in the outbox table until the sweep finds it due soon, and fires on time.
     */
    @Test
    void aFallbackBeyondTheRelayHorizonWaitsInTheOutboxAndFiresOnTime() {
        var tenant =
                ringproof.tenant("{\"name\":\"Unhurried\",\"fallback_after_seconds\":{\"missed_call\":31}}", "live");
        String phone = Ringproof.mobile();
        var started = Http.json(Ringproof.start(tenant, phone));
        Instant due = Instant.parse(started.getString("next_fallback_at"));

        JsonArray early = ringproof.inboxStays(phone, Duration.ofSeconds(25), messages -> messages.size() < 2);
        assertThat(early).as("only the missed call in the first 25 s").hasSize(1);
        JsonArray inbox = ringproof.inboxWhen(phone, messages -> messages.size() >= 2, Duration.ofSeconds(30));
        Instant arrived = Instant.now();

        assertThat(inbox.stream().map(m -> m.asJsonObject().getString("type"))).containsExactly("call", "sms");
        assertThat(arrived)
                .as("the SMS came when the fallback was due (%s)", due)
                .isBetween(due.minusSeconds(1), due.plusSeconds(8));
    }

    @Test
    void unreachableHandsetMovesOnAtOnceAndEarlierCodesStayValid() {
        var tenant = ringproof.tenant("Patient");
        String phone = Ringproof.mobile();
        ringproof.anonymous.send(
                "PUT", "api/sandbox/v1/handsets/" + phone, "{\"calls\":\"unreachable\"}", "application/json");

        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        JsonArray inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());

        assertThat(inbox).hasSize(1);
        assertThat(inbox.getJsonObject(0).getString("type")).isEqualTo("sms");
        var verification = Http.json(tenant.api().get("api/v1/verifications/" + id));
        assertThat(verification.getJsonArray("attempts").getJsonObject(0).getString("status"))
                .isEqualTo("failed");
        assertThat(verification.getString("channel")).isEqualTo("sms");

        var next = Http.json(tenant.api().postJson("api/v1/verifications/" + id + "/next", "{}"));
        assertThat(next.getString("channel")).isEqualTo("voice");
        var smsCode = codeIn(inbox.getJsonObject(0));
        assertThat(Http.json(Ringproof.check(tenant, id, smsCode)).getBoolean("valid"))
                .isTrue();
    }

    @Test
    void failingSmsMovesOnToVoiceWhoseCodeApproves() {
        var tenant = ringproof.tenant("{\"name\":\"Voice\",\"workflow\":[\"sms\",\"voice\"]}", "live");
        String phone = Ringproof.mobile();
        ringproof.anonymous.send("PUT", "api/sandbox/v1/handsets/" + phone, "{\"sms\":\"fail\"}", "application/json");

        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        JsonArray inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());

        assertThat(inbox).hasSize(1);
        var voice = inbox.getJsonObject(0);
        assertThat(voice.getString("type")).isEqualTo("voice");
        String spelled = voice.getString("text").replaceAll(".*code is ([0-9, ]+)\\..*", "$1");
        var checked = Ringproof.check(tenant, id, spelled.replace(", ", ""));
        assertThat(Http.json(checked).getString("status")).isEqualTo("approved");
    }

    @Test
    void afterApprovalNoFurtherMessageArrives() {
        var tenant = ringproof.tenant("{\"name\":\"Done\",\"fallback_after_seconds\":{\"missed_call\":1}}", "live");
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        String cli =
                ringproof.inboxWhen(phone, m -> !m.isEmpty()).getJsonObject(0).getString("from");

        assertThat(Http.json(Ringproof.check(tenant, id, cli)).getBoolean("valid"))
                .isTrue();

        assertThat(ringproof.inboxStays(phone, Duration.ofSeconds(3), messages -> messages.size() == 1))
                .hasSize(1);
    }

    /**
     * Eight verifications whose missed call falls back after 1 s, each checked 700 to 1 120 ms
     * after its call arrived, so that some checks come before the fallback and some race it. The
     * rounds run at once: each waits on the server's clock, not on the others.
     */
    @Test
    void aCheckRacingTheFallbackNeverApprovesBeforeAFurtherFallback() throws Exception {
        var tenant = ringproof.tenant("{\"name\":\"Race\",\"fallback_after_seconds\":{\"missed_call\":1}}", "live");
        InParallel.all(IntStream.range(0, 8)
                .<Callable<Void>>mapToObj(round -> () -> {
                    checkRacingTheFallback(tenant, round);
                    return null;
                })
                .toList());
    }

    private void checkRacingTheFallback(Ringproof.Tenant tenant, int round) {
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        String cli =
                ringproof.inboxWhen(phone, m -> !m.isEmpty()).getJsonObject(0).getString("from");
        Ringproof.sleep(java.time.Duration.ofMillis(700 + round * 60L)); // the check races the fallback at 1 s

        var checked = Http.json(Ringproof.check(tenant, id, cli));
        assertThat(checked.getString("status")).as("round " + round).isEqualTo("approved");
        int attemptsAtApproval = checked.getJsonArray("attempts").size();

        Eventually.stays(
                "round " + round + ": " + attemptsAtApproval + " attempts and as many messages",
                Duration.ofMillis(1500),
                () -> List.of(
                        Http.json(tenant.api().get("api/v1/verifications/" + id))
                                .getJsonArray("attempts")
                                .size(),
                        ringproof.inbox(phone).size()),
                counts -> counts.equals(List.of(attemptsAtApproval, attemptsAtApproval)));
    }

    @Test
    void nextMovesOnUntilTheLastChannel() {
        var tenant = ringproof.tenant("Impatient");
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");

        assertThat(Http.json(tenant.api().postJson("api/v1/verifications/" + id + "/next", "{}"))
                        .getString("channel"))
                .isEqualTo("sms");
        assertThat(Http.json(tenant.api().postJson("api/v1/verifications/" + id + "/next", "{}"))
                        .getString("channel"))
                .isEqualTo("voice");
        var last = tenant.api().postJson("api/v1/verifications/" + id + "/next", "{}");

        assertThat(last.statusCode()).isEqualTo(422);
        assertThat(Http.json(last).getString("code")).isEqualTo("invalid_request");
        assertThat(ringproof.inboxWhen(phone, m -> m.size() >= 3)).hasSize(3);
    }

    @Test
    void everyChannelFailingFailsTheVerification() {
        var tenant = ringproof.tenant("Unlucky");
        String phone = Ringproof.mobile();
        ringproof.anonymous.send(
                "PUT",
                "api/sandbox/v1/handsets/" + phone,
                "{\"calls\":\"unreachable\",\"sms\":\"fail\",\"voice\":\"fail\"}",
                "application/json");

        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");

        // each failure moves on at once; the patience is for a 2-core server still sending the
        // fallbacks of earlier test classes (see Ringproof#inboxWhen), and stays short of the 60-s
        // fallback timer, which would move on without the failures
        JsonObject verification = Eventually.until(
                "the verification decided",
                Duration.ofSeconds(45),
                () -> Http.json(tenant.api().get("api/v1/verifications/" + id)),
                v -> !v.getString("status").equals("pending"));
        assertThat(verification.getString("status")).isEqualTo("failed");
        assertThat(verification.getJsonArray("attempts"))
                .hasSize(3)
                .allSatisfy(
                        a -> assertThat(a.asJsonObject().getString("status")).isEqualTo("failed"));
        assertThat(ringproof.inbox(phone)).isEmpty();
    }

    private static String codeIn(JsonObject message) {
        var matcher = CODE.matcher(message.getString("text"));
        assertThat(matcher.find()).as("a code in " + message).isTrue();
        return matcher.group(1);
    }
}
