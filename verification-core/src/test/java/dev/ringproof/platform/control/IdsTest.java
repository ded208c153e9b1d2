package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
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
