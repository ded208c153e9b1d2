package dev.ringproof.usage.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.boundary.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceChangeTest {

    @Test
    void aValidPriceIsKeptAtFourDecimals() {
        var change = PriceChange.of("sms", "GB", "0.04", "EUR", "EUR");

        assertThat(change.unitPrice()).hasToString("0.0400");
        assertThat(PriceChange.of("voice", "*", "12", "EUR", "EUR").unitPrice()).hasToString("12.0000");
    }

    @ParameterizedTest
    @CsvSource({
        "fax, GB, 0.04, EUR, channel", "sms, XX, 0.04, EUR, country", "sms, gb, 0.04, EUR, country",
        "sms, GB, -0.04, EUR, unit_price", "sms, GB, 0.00001, EUR, unit_price", "sms, GB, 1e-3, EUR, unit_price",
        "sms, GB, .5, EUR, unit_price", "sms, GB, 0.04, eur, currency", "sms, GB, 0.04, XYZ, currency",
        "sms, GB, 0.04, USD, currency", "sms, GB, 'NaN', EUR, unit_price"
    })
    void wrongFieldsAreRefusedByName(String channel, String country, String price, String currency, String field) {
        assertThatThrownBy(() -> PriceChange.of(channel, country, price, currency, "EUR"))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.fieldProblems())
                                .extracting(Refusal.FieldProblem::field)
                                .containsExactly(field));
    }
}
