package dev.ringproof.telephony.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.telephony.boundary.Delivery.Outcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestCarrierTest {

    private final FakeCarrier fake = new FakeCarrier();
    private final RestCarrier carrier = new RestCarrier(account(fake.base()), new RestCalls());

    RestCarrierTest() throws IOException {}

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void anSmsIsAFormPostWithBasicAuthAndTheCarrierSidComesBack() {
        var delivery = carrier.sms("+33612345678", "Ringproof", "Your code is 123456 & more");
        assertThat(delivery.accepted()).isTrue();
        assertThat(delivery.providerReference()).isEqualTo("SM1");
        var request = fake.requests().get(0);
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/AC123/Messages.json");
        assertThat(request.authorization())
                .isEqualTo(
                        "Basic " + Base64.getEncoder().encodeToString("AC123:secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(URLDecoder.decode(request.form(), StandardCharsets.UTF_8))
                .isEqualTo("To=+33612345678&From=Ringproof&Body=Your code is 123456 & more"
                        + "&StatusCallback=http://localhost:8080/api/carrier/v1/status/acme");
    }

    @Test
    void voiceAndFlashCallsGoToCallsJsonWithTwiml() {
        assertThat(carrier.voice("+33612345678", "+33140000000", "1 2 3 <4>").accepted())
                .isTrue();
        assertThat(carrier.flashCall("+33612345678", "+33140000001").accepted()).isTrue();
        var voice = URLDecoder.decode(fake.requests().get(0).form(), StandardCharsets.UTF_8);
        var flash = URLDecoder.decode(fake.requests().get(1).form(), StandardCharsets.UTF_8);
        assertThat(fake.requests().get(0).path()).endsWith("/Calls.json");
        assertThat(voice).contains("Twiml=<Response><Say>1 2 3 &lt;4&gt;</Say></Response>");
        assertThat(flash).contains("From=+33140000001", "<Hangup/>", "Timeout=2");
    }

    @Test
    void anErrorAnswerProvesNothingWasSent() {
        fake.mode(FakeCarrier.Mode.FAIL_503);
        var delivery = carrier.sms("+33612345678", "R", "t");
        assertThat(delivery.outcome()).isEqualTo(Outcome.NOT_SENT);
        assertThat(delivery.reason()).isEqualTo("carrier answered 503");
    }

    @Test
    void aRefusedConnectionProvesNothingWasSent() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nowhere = new RestCarrier(account(URI.create("http://127.0.0.1:" + closedPort)), new RestCalls());
        assertThat(nowhere.sms("+33612345678", "R", "t").outcome()).isEqualTo(Outcome.NOT_SENT);
    }

    @Test
    void aTimeoutAfterTheCarrierTookItIsAmbiguous() {
        fake.mode(FakeCarrier.Mode.DELIVER_THEN_STALL);
        var delivery = carrier.sms("+33612345678", "R", "t");
        assertThat(delivery.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aResetConnectionIsAmbiguous() {
        fake.mode(FakeCarrier.Mode.RESET);
        assertThat(carrier.sms("+33612345678", "R", "t").outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    private static RestAccount account(URI base) {
        return new RestAccount(
                "acme",
                base,
                "AC123",
                "secret",
                URI.create("http://localhost:8080/api/carrier/v1/status/acme"),
                Duration.ofMillis(800),
                2);
    }
}
