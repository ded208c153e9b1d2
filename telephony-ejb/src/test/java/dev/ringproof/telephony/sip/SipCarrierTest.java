package dev.ringproof.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.telephony.boundary.Delivery;
import dev.ringproof.telephony.boundary.Delivery.Outcome;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.sip.SipException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flash call against a real SIP peer: sipp plays the trunk and the handset on loopback. */
class SipCarrierTest {

    private static final String CLI = "+33140001234";
    private static final String HANDSET = "+33612345678";

    @TempDir
    Path work;

    private int trunkPort;
    private SipCarrier carrier;

    @BeforeEach
    void start() throws IOException, SipException {
        trunkPort = freeUdpPort();
        carrier = new SipCarrier(new SipTrunk(
                "127.0.0.1",
                trunkPort,
                "udp",
                "ringproof",
                "trunk-secret",
                Duration.ofMillis(1500),
                Duration.ofSeconds(2),
                "127.0.0.1",
                freeUdpPort()));
    }

    @AfterEach
    void stop() {
        carrier.close();
    }

    @Test
    void itRingsFromTheCliAndCancelsAfterTheRingTime() throws Exception {
        try (var sipp = sipp("ring-then-cancel.xml")) {
            Instant before = Instant.now();
            Delivery delivery = carrier.flashCall(HANDSET, CLI);
            assertThat(delivery.accepted()).as(delivery.reason()).isTrue();
            assertThat(Duration.between(before, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(sipp.awaitExit()).as(sipp.messages()).isZero();
            assertThat(sipp.inviteFromUser()).isEqualTo(CLI);
            assertThat(sipp.messages()).contains("P-Asserted-Identity: <sip:" + CLI + "@127.0.0.1>");
        }
    }

    @Test
    void busyBeforeRingingIsARefusal() throws Exception {
        try (var sipp = sipp("busy.xml")) {
            Delivery delivery = carrier.flashCall(HANDSET, CLI);
            assertThat(delivery.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(delivery.reason()).isEqualTo("busy");
            assertThat(sipp.awaitExit()).as(sipp.messages()).isZero();
        }
    }

    @Test
    void noRingingInTimeIsARefusalAndTheInviteIsCancelled() throws Exception {
        try (var sipp = sipp("no-ringing.xml")) {
            Delivery delivery = carrier.flashCall(HANDSET, CLI);
            assertThat(delivery.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(sipp.awaitExit()).as(sipp.messages()).isZero();
        }
    }

    @Test
    void anAnsweredCallIsAcknowledgedAndHungUpAtOnce() throws Exception {
        try (var sipp = sipp("answer-then-bye.xml")) {
            Delivery delivery = carrier.flashCall(HANDSET, CLI);
            assertThat(delivery.accepted()).isTrue();
            assertThat(sipp.awaitExit()).as(sipp.messages()).isZero();
        }
    }

    @Test
    void aDigestChallengeIsAnsweredWithTheTrunkCredentials() throws Exception {
        try (var sipp = sipp("digest-then-ring.xml")) {
            Delivery delivery = carrier.flashCall(HANDSET, CLI);
            assertThat(delivery.accepted()).as(delivery.reason()).isTrue();
            assertThat(sipp.awaitExit()).as(sipp.messages()).isZero();
        }
    }

    @Test
    void aSilentTrunkIsAmbiguous() {
        Delivery delivery = carrier.flashCall(HANDSET, CLI);
        assertThat(delivery.outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    private Sipp sipp(String scenario) throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/sipp/" + scenario).toURI());
        return Sipp.uas(file, trunkPort, work);
    }

    private static int freeUdpPort() throws IOException {
        try (var socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
