package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void everyIdHasOneSpellingIn32HexDigitsAndBack() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 2000; i++) {
            String id = Ids.next("vf");
            String hex = Ids.hex(id).orElseThrow();
            assertThat(hex).matches("[0-9a-f]{32}");
            assertThat(Ids.fromHex("vf", hex)).contains(id);
            assertThat(Ids.fromHex("vf", hex.toUpperCase())).contains(id);
            seen.add(hex);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void idsSortInTheOrderTheyWereMadeSoNewRowsGoToTheEndOfAnIndex() {
        var random = new Random(7);
        long now = 1_796_100_386_188L;
        for (int i = 0; i < 20_000; i++) {
            long earlier = now + random.nextInt(1_000_000_000);
            long later = earlier + 1 + random.nextInt(i % 2 == 0 ? 30 : 100_000);
            assertThat(Ids.next("vf", earlier)).isLessThan(Ids.next("vf", later));
        }
    }

    @Test
    void theTimeTakesTheFirstNineCharactersAndTheRestIsRandom() {
        long millis = 1_796_100_386_188L;
        String one = Ids.next("vf", millis);
        String other = Ids.next("vf", millis);
        assertThat(one.substring(0, 3 + 9)).isEqualTo(other.substring(0, 3 + 9)).matches("vf_[a-z]{9}");
        assertThat(one).isNotEqualTo(other);
        assertThat(Ids.next("vf", 0)).startsWith("vf_aaaaaaaaa");
        assertThat(Ids.next("vf", 26L * 26 * 26 * 26 * 26 * 26 * 26 * 26 * 26 - 1))
                .startsWith("vf_zzzzzzzzz");
    }

    @Test
    void aSecretTokenTellsNoTime() {
        var prefixes = new HashSet<String>();
        for (int i = 0; i < 50; i++) {
            prefixes.add(Ids.randomToken().substring(0, 7));
        }
        assertThat(prefixes).hasSizeGreaterThan(40);
    }

    @Test
    void theExtremesSurviveTheRoundTrip() {
        assertThat(Ids.fromHex("vf", "0".repeat(32)).flatMap(Ids::hex)).contains("0".repeat(32));
        assertThat(Ids.fromHex("vf", "f".repeat(32)).flatMap(Ids::hex)).contains("f".repeat(32));
    }

    @Test
    void whatIsNotOursHasNoHex() {
        assertThat(Ids.hex(null)).isEmpty();
        assertThat(Ids.hex("vf_short")).isEmpty();
        assertThat(Ids.hex("vf_" + "A".repeat(26))).isEmpty();
        assertThat(Ids.hex("nounderscore")).isEmpty();
        assertThat(Ids.fromHex("vf", "xyz")).isEmpty();
        assertThat(Ids.fromHex("vf", "0".repeat(31))).isEmpty();
        assertThat(Ids.fromHex("vf", null)).isEmpty();
    }
}
