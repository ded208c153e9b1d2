package dev.ringproof.api.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.boundary.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeInputTest {

    @ParameterizedTest
    @CsvSource({
        "1234,1234",
        "0042,0042",
        "+442079461234,+442079461234",
        "\uff11\uff12\uff13\uff14,1234",
        "\u0661\u0662\u0663\u0664,1234"
    })
    void digitsOfAnyScriptBecomeAscii(String input, String normal) {
        assertThat(CodeInput.normalise(input)).isEqualTo(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 34", "12-34", "123", "+123", "1+234", "abcd", "${jndi:x}", "12\u200b34", "++1234"})
    void anythingElseIsMalformed(String input) {
        assertThatThrownBy(() -> CodeInput.normalise(input)).isInstanceOf(Refusal.class);
    }
}
