package dev.ringproof.tenant.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 29, 8, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aPublishableKeyIsShownWholeAtAnyTimeAndHoldsOnlyForItsOrigins() {
        var key = ApiKey.publishable(
                "key_abcdefghijklmnopqrstuvwxyz",
                "tn_1",
                "page",
                "live",
                "https://shop.example http://localhost:8080",
                NOW);
        assertThat(key.isPublishable()).isTrue();
        assertThat(key.publishableKey()).hasValue("rp_pub_live_abcdefghijklmnopqrstuvwxyz");
        assertThat(key.allowsOrigin("https://shop.example")).isTrue();
        assertThat(key.allowsOrigin("http://localhost:8080")).isTrue();
        assertThat(key.allowsOrigin("https://shop.exampl")).isFalse();
        assertThat(key.allowsOrigin("https://shop.example http://localhost:8080"))
                .isFalse();
    }

    @Test
    void aPublishableKeyIsNoSecretKeyWhateverIsPresented() {
        var key =
                ApiKey.publishable("key_abcdefghijklmnopqrstuvwxyz", "tn_1", "page", "test", "https://a.example", NOW);
        assertThat(key.accepts("")).isFalse();
        assertThat(key.accepts("abcdefghijklmnopqrstuvwxyz")).isFalse();
    }

    @Test
    void aRevokedPublishableKeyHoldsNowhere() {
        var key =
                ApiKey.publishable("key_abcdefghijklmnopqrstuvwxyz", "tn_1", "page", "test", "https://a.example", NOW);
        key.revoke(NOW.plusMinutes(1));
        assertThat(key.allowsOrigin("https://a.example")).isFalse();
    }

    @Test
    void aSecretKeyHasNoPublishableFormAndNoOrigins() {
        var key = new ApiKey("key_x", "tn_1", "backend", "live", "s3cret-s3cret-s3cret-s3cret", NOW);
        assertThat(key.isPublishable()).isFalse();
        assertThat(key.publishableKey()).isEmpty();
        assertThat(key.allowsOrigin("https://a.example")).isFalse();
        assertThat(key.accepts("s3cret-s3cret-s3cret-s3cret")).isTrue();
    }

    @Test
    void theStoredHashStaysTheHexOfTheSecretsSha256SoKeysIssuedEarlierStillHold() {
        // FIPS 180-2's first example: the rows of every key issued so far hold this form
        assertThat(ApiKey.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
