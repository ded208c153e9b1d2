package dev.ringproof.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefixesTest {

    @ParameterizedTest
    @CsvSource({
        "+447400123456, +44740",
        "+447520000299, +44752",
        "+12125550123, +1212",
        "+4915112345678, +49151",
        "+33612345678, +33612",
        "+35312345678, +353123"
    })
    void countryCodeAndThreeDigits(String e164, String prefix) {
        assertThat(Prefixes.of(e164)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"+0123456789", "+999123456", "447400123456", "+44 7400"})
    void aNumberWithoutACallingCodeHasNoPrefix(String text) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Prefixes.of(text))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "+4479, true",
        "+1, true",
        "4479, false",
        "+, false",
        "+44 79, false",
        "'', false",
        "+1234567890123456, false"
    })
    void prefixesAreAPlusAndDigits(String text, boolean valid) {
        assertThat(Prefixes.isPrefix(text)).isEqualTo(valid);
    }
}
