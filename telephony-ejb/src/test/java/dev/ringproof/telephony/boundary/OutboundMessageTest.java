package dev.ringproof.telephony.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.sealing.control.BrokenSeal;
import dev.ringproof.sealing.control.Seal;
import org.junit.jupiter.api.Test;

class OutboundMessageTest {

    private final Seal seal = Seal.derive("a long server secret, as production sets one", "outbound message");

    @Test
    void carriesNeitherTheCallerNumberNorTheTextInClear() {
        var call = new OutboundMessage("at_1", "tn_1", "missed_call", "+447400123456", "+442079460123", null, false);
        var sms =
                new OutboundMessage("at_2", "tn_1", "sms", "+447400123456", "Ringproof", "Your code is 042917", false);

        assertThat(call.sealed(seal).toFields().toString())
                .doesNotContain("2079460123")
                .contains("+447400123456");
        assertThat(sms.sealed(seal).toFields().toString()).doesNotContain("042917");
        assertThat(call.sealed(seal).opened(seal)).isEqualTo(call);
        assertThat(sms.sealed(seal).opened(seal)).isEqualTo(sms);
    }

    @Test
    void aSealedFieldMovedToAnotherAttemptDoesNotOpen() {
        var sealed = new OutboundMessage(
                        "at_1", "tn_1", "sms", "+447400123456", "Ringproof", "Your code is 042917", false)
                .sealed(seal);
        var moved = new OutboundMessage("at_9", "tn_1", "sms", "+447400123456", sealed.from(), sealed.text(), false);

        assertThatThrownBy(() -> moved.opened(seal)).isInstanceOf(BrokenSeal.class);
    }

    @Test
    void aMessageQueuedBeforeSealingIsSentAsItIs() {
        var clear =
                new OutboundMessage("at_1", "tn_1", "sms", "+447400123456", "Ringproof", "Your code is 042917", false);

        assertThat(clear.opened(seal)).isEqualTo(clear);
    }

    @Test
    void carriesTheCountrySoThatTelephonyNeedNotParseTheNumberAgain() {
        var sms = new OutboundMessage(
                "at_3", "tn_1", "sms", "+447400123456", "Ringproof", "Your code is 042917", false, "GB");

        var queued = OutboundMessage.fromFields(sms.sealed(seal).toFields(), "ob_1");

        assertThat(queued.country()).isEqualTo("GB");
        assertThat(queued.opened(seal))
                .isEqualTo(new OutboundMessage(
                        "at_3",
                        "tn_1",
                        "sms",
                        "+447400123456",
                        "Ringproof",
                        "Your code is 042917",
                        false,
                        "GB",
                        "ob_1"));
    }

    @Test
    void aMessageQueuedBeforeTheCountryWasCarriedHasNone() {
        var fields = new java.util.HashMap<>(
                new OutboundMessage("at_4", "tn_1", "sms", "+447400123456", "Ringproof", "Your code", false, "GB")
                        .toFields());
        fields.remove("country");

        assertThat(OutboundMessage.fromFields(fields, "ob_2").country()).isNull();
    }
}
