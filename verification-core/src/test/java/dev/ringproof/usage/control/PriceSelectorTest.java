package dev.ringproof.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.usage.entity.Price;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceSelectorTest {

    private static final OffsetDateTime NOV_1 = OffsetDateTime.parse("2026-11-01T00:00:00Z");

    private static Price price(String country, String amount, int day) {
        return new Price(
                "pr_" + country + day + amount,
                "sms",
                country,
                new BigDecimal(amount),
                "EUR",
                NOV_1.plusDays(day - 1L));
    }

    @Test
    void theNewestStartedPriceForTheCountryIsInForce() {
        var old = price("GB", "0.0400", 1);
        var newer = price("GB", "0.0450", 10);
        var future = price("GB", "0.0500", 20);

        var chosen = PriceSelector.choose(List.of(old, future, newer), "GB", NOV_1.plusDays(14));

        assertThat(chosen).contains(newer);
    }

    @Test
    void aPriceAppliesFromItsFirstInstantOn() {
        var old = price("GB", "0.0400", 1);
        var newer = price("GB", "0.0450", 10);

        assertThat(PriceSelector.choose(List.of(old, newer), "GB", newer.validFrom()))
                .contains(newer);
        assertThat(PriceSelector.choose(
                        List.of(old, newer), "GB", newer.validFrom().minusNanos(1000)))
                .contains(old);
    }

    @Test
    void aCountryPriceBeatsANewerAnyCountryPrice() {
        var gb = price("GB", "0.0400", 1);
        var any = price("*", "0.0900", 5);

        assertThat(PriceSelector.choose(List.of(any, gb), "GB", NOV_1.plusDays(6)))
                .contains(gb);
        assertThat(PriceSelector.choose(List.of(any, gb), "DE", NOV_1.plusDays(6)))
                .contains(any);
    }

    @Test
    void withoutAStartedPriceThereIsNone() {
        var future = price("GB", "0.0400", 10);
        var otherCountry = price("DE", "0.0300", 1);

        assertThat(PriceSelector.choose(List.of(future, otherCountry), "GB", NOV_1.plusDays(2)))
                .isEmpty();
        assertThat(PriceSelector.choose(List.of(), "GB", NOV_1)).isEmpty();
    }

    @Test
    void thePriceListHoldsTheNewestStartedPriceOfEachChannelAndCountry() {
        var old = price("GB", "0.0400", 1);
        var newer = price("GB", "0.0450", 10);
        var future = price("GB", "0.0500", 20);
        var fallback = price("*", "0.0600", 2);
        var voice = new Price("pr_voice", "voice", "GB", new BigDecimal("0.1000"), "EUR", NOV_1);

        var list = PriceSelector.listAt(List.of(newer, voice, fallback, old, future), NOV_1.plusDays(14));

        assertThat(list).containsExactly(fallback, newer, voice);
    }
}
