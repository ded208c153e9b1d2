package dev.ringproof.routing.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.telephony.boundary.Carrier;
import dev.ringproof.telephony.boundary.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final ProviderHealth health = new ProviderHealth(Clock.systemUTC(), 2, Duration.ofMinutes(1));
    private final Map<String, Delivery> answers = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final Router router =
            new Router(health, name -> Optional.ofNullable(answers.get(name)).map(answer -> carrier(name, answer)));

    @Test
    void nothingSentFailsOverToTheNextProvider() {
        answers.put("a", Delivery.notSent("carrier unreachable"));
        answers.put("b", Delivery.accepted("SM1"));
        var routed = router.send(List.of("a", "b"), c -> c.sms("+33612345678", "Ringproof", "code"));
        assertThat(routed.provider()).isEqualTo("b");
        assertThat(routed.delivery().providerReference()).isEqualTo("SM1");
        assertThat(asked).containsExactly("a", "b");
    }

    @Test
    void anAmbiguousFailureIsNeverSentElsewhere() {
        answers.put("a", Delivery.unknown("carrier timed out after the request left"));
        answers.put("b", Delivery.accepted("SM1"));
        var routed = router.send(List.of("a", "b"), c -> c.sms("+33612345678", "Ringproof", "code"));
        assertThat(routed.provider()).isEqualTo("a");
        assertThat(routed.delivery().accepted()).isFalse();
        assertThat(asked).containsExactly("a");
    }

    @Test
    void aHandsetRefusalEndsTheAttemptAndKeepsTheProviderHealthy() {
        answers.put("a", Delivery.refused("busy"));
        answers.put("b", Delivery.accepted("SM1"));
        for (int i = 0; i < 3; i++) {
            assertThat(router.send(List.of("a", "b"), c -> c.flashCall("+33612345678", "+33140000000"))
                            .delivery()
                            .reason())
                    .isEqualTo("busy");
        }
        assertThat(asked).containsOnly("a");
        assertThat(health.admits("a")).isTrue();
    }

    @Test
    void anOpenCircuitIsSkippedWithoutAsking() {
        answers.put("a", Delivery.notSent("carrier answered 503"));
        answers.put("b", Delivery.accepted("SM1"));
        for (int i = 0; i < 4; i++) {
            assertThat(router.send(List.of("a", "b"), c -> c.sms("+33612345678", "R", "t"))
                            .provider())
                    .isEqualTo("b");
        }
        assertThat(asked).containsExactly("a", "b", "a", "b", "b", "b");
        assertThat(health.states().get("a").open()).isTrue();
    }

    @Test
    void whenEveryProviderFailsTheLastAnswerIsReportedAsNotAccepted() {
        answers.put("a", Delivery.notSent("carrier answered 500"));
        var routed = router.send(List.of("a", "unknown"), c -> c.voice("+33612345678", "R", "t"));
        assertThat(routed.delivery().accepted()).isFalse();
        assertThat(routed.delivery().reason()).isEqualTo("unknown provider");
    }

    @Test
    void aProviderThatThrowsCountsAsAmbiguous() {
        var throwing = new Router(health, name -> Optional.of(carrier(name, null)));
        var routed = throwing.send(List.of("a", "b"), c -> c.sms("+33612345678", "R", "t"));
        assertThat(routed.delivery().outcome()).isEqualTo(Delivery.Outcome.UNKNOWN);
        assertThat(asked).containsExactly("a");
    }

    private Carrier carrier(String name, Delivery answer) {
        return new Carrier() {
            @Override
            public Delivery flashCall(String to, String cli) {
                return answer();
            }

            @Override
            public Delivery sms(String to, String from, String text) {
                return answer();
            }

            @Override
            public Delivery voice(String to, String from, String text) {
                return answer();
            }

            private Delivery answer() {
                asked.add(name);
                if (answer == null) {
                    throw new IllegalStateException("boom");
                }
                return answer;
            }
        };
    }
}
