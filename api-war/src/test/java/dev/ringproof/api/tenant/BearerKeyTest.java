package dev.ringproof.api.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerKeyTest {

    private static final String SECRET = "Abcdefghijklmnopqrstuvwxyz0123456789_-ABCDE";

    @Test
    void readsModeKeyIdAndSecret() {
        var key = BearerKey.parse("Bearer rp_test_k1234567_" + SECRET).orElseThrow();

        assertThat(key.mode()).isEqualTo("test");
        assertThat(key.keyId()).isEqualTo("k1234567");
        assertThat(key.secret()).isEqualTo(SECRET);
        assertThat(key.toString()).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "Basic YWRtaW46YWRtaW4=",
                "Bearer",
                "Bearer ",
                "bearer rp_live_k1234567_" + SECRET,
                "Bearer  rp_live_k1234567_" + SECRET,
                "Bearer rp_live_k1234567_" + SECRET + " ",
                "Bearer RP_LIVE_k1234567_" + SECRET,
                "Bearer rp_prod_k1234567_" + SECRET,
                "Bearer rp_live_k1234567_short",
                "Bearer rp_live_k1234567_" + SECRET + "\r\nX-Injected: 1",
                "Bearer rp_live_k1234567_" + SECRET + "\u200b"
            })
    void refusesAnythingElse(String header) {
        assertThat(BearerKey.parse(header)).isEmpty();
    }
}
