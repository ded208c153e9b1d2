package dev.ringproof.verification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CarrierSignatureTest {

    private static final String URL = "https://ringproof.example/api/carrier/v1/status/acme";
    private final Map<String, String> params =
            Map.of("MessageSid", "SM1", "MessageStatus", "delivered", "AccountSid", "AC123");

    @Test
    void signsTheUrlAndTheParametersSortedByName() {
        // openssl: printf '%s' "$URL""AccountSidAC123MessageSidSM1MessageStatusdelivered" | openssl dgst -sha1 -hmac
        // secret -binary | base64
        assertThat(CarrierSignature.of("secret", URL, params)).isEqualTo("iZAgT8uDipjV5EIWyAtIvbZLF70=");
    }

    @Test
    void aSignatureMatchesOnlyItsOwnToken() {
        String signature = CarrierSignature.of("secret", URL, params);
        assertThat(CarrierSignature.matches("secret", URL, params, signature)).isTrue();
        assertThat(CarrierSignature.matches("other", URL, params, signature)).isFalse();
        assertThat(CarrierSignature.matches("secret", URL + "x", params, signature))
                .isFalse();
        assertThat(CarrierSignature.matches("secret", URL, Map.of("MessageSid", "SM1"), signature))
                .isFalse();
        assertThat(CarrierSignature.matches("secret", URL, params, null)).isFalse();
        assertThat(CarrierSignature.matches("", URL, params, signature)).isFalse();
    }
}
