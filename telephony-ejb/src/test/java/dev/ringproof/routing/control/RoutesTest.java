package dev.ringproof.routing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private final Map<String, String> config = Map.of(
            "telephony.route.missed_call.GB", "sip, sandbox",
            "telephony.route.sms.default", "carrier_a,carrier_b,carrier_a",
            "telephony.route.voice.DE", " , ",
            "telephony.route.voice.FR", "Carrier A,carrier_b,a-name-longer-than-the-thirty-two-characters",
            "telephony.route.voice.ES", "sandbox");
    private final Routes routes = new Routes(key -> Optional.ofNullable(config.get(key)), false);
    private final Routes production = new Routes(key -> Optional.ofNullable(config.get(key)), true);

    @Test
    void aCountryRouteComesFirstInItsOrder() {
        assertThat(routes.providersFor("missed_call", "GB", false)).containsExactly("sip", "sandbox");
    }

    @Test
    void otherCountriesTakeTheChannelDefaultWithoutRepeats() {
        assertThat(routes.providersFor("sms", "FR", false)).containsExactly("carrier_a", "carrier_b");
    }

    @Test
    void namesThatCouldNotBeStoredAreLeftOut() {
        assertThat(routes.providersFor("voice", "FR", false)).containsExactly("carrier_b");
    }

    @Test
    void withoutAnyRouteOrWithAnEmptyOneItIsTheSandbox() {
        assertThat(routes.providersFor("missed_call", "FR", false)).containsExactly("sandbox");
        assertThat(routes.providersFor("voice", "DE", false)).containsExactly("sandbox");
    }

    @Test
    void testTrafficStaysOnTheSandboxWhateverTheRoutesAndTheMode() {
        assertThat(routes.providersFor("sms", "FR", true)).containsExactly("sandbox");
        assertThat(production.providersFor("sms", "FR", true)).containsExactly("sandbox");
        assertThat(production.providersFor("missed_call", "FR", true)).containsExactly("sandbox");
    }

    @Test
    void inProductionLiveTrafficWithoutAConfiguredRouteHasNoProvider() {
        assertThat(production.providersFor("missed_call", "FR", false)).isEmpty();
        assertThat(production.providersFor("voice", "DE", false)).isEmpty();
    }

    @Test
    void inProductionTheSandboxIsLeftOutOfLiveRoutes() {
        assertThat(production.providersFor("missed_call", "GB", false)).containsExactly("sip");
        assertThat(production.providersFor("voice", "ES", false)).isEmpty();
        assertThat(production.providersFor("sms", "FR", false)).containsExactly("carrier_a", "carrier_b");
    }
}
