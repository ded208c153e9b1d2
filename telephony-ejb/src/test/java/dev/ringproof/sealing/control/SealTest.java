package dev.ringproof.sealing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SealTest {

    private final Seal seal = Seal.derive("a long server secret, as production sets one", "outbound message");

    @Test
    void opensWhatItSealedForTheSameRecord() {
        String sealed = seal.close("Your Acme code is 042917", "at_1/text");

        assertThat(sealed).startsWith("sealed1.").doesNotContain("042917").doesNotContain("Acme");
        assertThat(seal.open(sealed, "at_1/text")).isEqualTo("Your Acme code is 042917");
    }

    @Test
    void sealsTheSameValueDifferentlyEachTime() {
        assertThat(seal.close("+442079460123", "at_1/from")).isNotEqualTo(seal.close("+442079460123", "at_1/from"));
    }

    @Test
    void refusesAnAlteredValue() {
        String sealed = seal.close("+442079460123", "at_1/from");
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(Seal.PREFIX.length()));
        raw[raw.length / 2] ^= 1;
        String altered = Seal.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> seal.open(altered, "at_1/from")).isInstanceOf(BrokenSeal.class);
    }

    @Test
    void refusesAValueBoundToAnotherRecord() {
        String sealed = seal.close("+442079460123", "at_1/from");

        assertThatThrownBy(() -> seal.open(sealed, "at_2/from")).isInstanceOf(BrokenSeal.class);
        assertThatThrownBy(() -> seal.open(sealed, "at_1/text")).isInstanceOf(BrokenSeal.class);
    }

    @Test
    void refusesAValueSealedWithAnotherSecretOrForAnotherPurpose() {
        String sealed = seal.close("whsec_abc", "tn_1");

        assertThatThrownBy(() -> Seal.derive("another secret altogether, just as long", "outbound message")
                        .open(sealed, "tn_1"))
                .isInstanceOf(BrokenSeal.class);
        assertThatThrownBy(() -> Seal.derive("a long server secret, as production sets one", "webhook signing secret")
                        .open(sealed, "tn_1"))
                .isInstanceOf(BrokenSeal.class);
    }

    /** A thread reuses one cipher for every seal: a refusal or another key in between leaves it as good as new. */
    @Test
    void oneThreadSealsAndOpensWithTwoKeysInTurnAndAfterARefusal() {
        var other = Seal.derive("a long server secret, as production sets one", "caller number health");
        String mine = seal.close("+442079460123", "at_1/from");
        String theirs = other.close("+442079460123", "cli_1");

        assertThatThrownBy(() -> seal.open(theirs, "cli_1")).isInstanceOf(BrokenSeal.class);
        assertThat(other.open(theirs, "cli_1")).isEqualTo("+442079460123");
        assertThat(seal.open(mine, "at_1/from")).isEqualTo("+442079460123");
        assertThat(seal.open(seal.close("Your code is 1234", "at_2/text"), "at_2/text"))
                .isEqualTo("Your code is 1234");
    }

    @Test
    void refusesWhatIsNotASealedValue() {
        assertThatThrownBy(() -> seal.open("Your code is 1234", "at_1/text")).isInstanceOf(BrokenSeal.class);
        assertThatThrownBy(() -> seal.open("sealed1.!!!", "at_1/text")).isInstanceOf(BrokenSeal.class);
        assertThatThrownBy(() -> seal.open("sealed1.AAAA", "at_1/text")).isInstanceOf(BrokenSeal.class);
    }

    @Test
    void takesAValueStoredBeforeSealingAsItIsButStillChecksASealedOne() {
        assertThat(seal.openOrClear("whsec_abc", "tn_1")).isEqualTo("whsec_abc");
        assertThat(seal.openOrClear(seal.close("whsec_abc", "tn_1"), "tn_1")).isEqualTo("whsec_abc");
        assertThatThrownBy(() -> seal.openOrClear(seal.close("whsec_abc", "tn_1"), "tn_2"))
                .isInstanceOf(BrokenSeal.class);
        assertThat(seal.close(null, "tn_1")).isNull();
        assertThat(seal.openOrClear(null, "tn_1")).isNull();
    }

    @Test
    void aSealedWebhookSecretFitsItsColumn() {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(seal.close(secret, "tenant/tn_0123456789abcdef/webhook-secret"))
                .hasSizeLessThanOrEqualTo(128);
    }

    /** RFC 5869, appendix A.1 (basic test case with SHA-256). */
    @Test
    void hkdfGivesTheRfcTestVector() {
        var hex = HexFormat.of();
        byte[] okm = Hkdf.sha256(
                hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                hex.parseHex("000102030405060708090a0b0c"),
                hex.parseHex("f0f1f2f3f4f5f6f7f8f9"),
                42);

        assertThat(hex.formatHex(okm))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf" + "34007208d5b887185865");
    }

    /** RFC 5869, appendix A.3 (zero-length salt and info). */
    @Test
    void hkdfTakesAnEmptySaltAsZeros() {
        var hex = HexFormat.of();
        byte[] okm = Hkdf.sha256(
                hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                new byte[0],
                "".getBytes(StandardCharsets.UTF_8),
                42);

        assertThat(hex.formatHex(okm))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d" + "9d201395faa4b61a96c8");
    }
}
