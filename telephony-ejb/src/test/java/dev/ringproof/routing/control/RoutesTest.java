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
            "telephony.route.voice.FR", "Carrier A,carrier_b,a-name-longer-than-the-thirty-two-characters");
    private final Routes routes = new Routes(key -> Optional.ofNullable(config.get(key)));

    @Test
    void aCountryRouteComesFirstInItsOrder() {
        assertThat(routes.providersFor("missed_call", "GB")).containsExactly("sip", "sandbox");
    }

    @Test
    void otherCountriesTakeTheChannelDefaultWithoutRepeats() {
        assertThat(routes.providersFor("sms", "FR")).containsExactly("carrier_a", "carrier_b");
    }

    @Test
    void namesThatCouldNotBeStoredAreLeftOut() {
        assertThat(routes.providersFor("voice", "FR")).containsExactly("carrier_b");
    }

    @Test
    void withoutAnyRouteOrWithAnEmptyOneItIsTheSandbox() {
        assertThat(routes.providersFor("missed_call", "FR")).containsExactly("sandbox");
        assertThat(routes.providersFor("voice", "DE")).containsExactly("sandbox");
    }
}
