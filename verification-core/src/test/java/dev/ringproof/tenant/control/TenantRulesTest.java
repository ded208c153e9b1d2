package dev.ringproof.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.tenant.boundary.TenantChanges;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.tenant.entity.TenantSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantRulesTest {

    private final TenantRules rules = new TenantRules(600);

    private static TenantChanges changes(
            List<String> workflow, Map<String, Integer> fallbacks, Integer ttl, List<String> countries) {
        return TenantChanges.none()
                .withWorkflow(workflow, fallbacks)
                .withLimits(null, ttl)
                .withAllowedCountries(countries);
    }

    @Test
    void namesWithControlCharactersOrLineBreaksAreRefusedWithTheField() {
        for (String name : List.of(
                "Acme\tLtd",
                "Acme\r\n=1+1",
                "Acme\u0000",
                "Acme\u0085",
                "Acme\u2028=1",
                "Acme\u2029",
                "Ac\u200bme",
                "\u202eemcA",
                " ")) {
            assertThatThrownBy(() -> TenantRules.name(name))
                    .as(name)
                    .isInstanceOfSatisfying(
                            Refusal.class,
                            r -> assertThat(r.fieldProblems())
                                    .extracting(Refusal.FieldProblem::field)
                                    .containsExactly("name"));
        }
    }

    @Test
    void namesAreKeptStrippedWithTheirPunctuation() {
        assertThat(TenantRules.name("  ;=1+1 ")).isEqualTo(";=1+1");
        assertThat(TenantRules.name("Müller & Söhne | Zürich")).isEqualTo("Müller & Söhne | Zürich");
    }

    @Test
    void nullLeavesEverySettingAsItIs() {
        var defaults = TenantSettings.defaults();

        assertThat(rules.apply(defaults, changes(null, null, null, null))).isEqualTo(defaults);
    }

    @Test
    void appliesWorkflowFallbacksAndCountries() {
        var settings = rules.apply(
                TenantSettings.defaults(),
                changes(List.of("sms", "voice"), Map.of("sms", 5), 300, List.of("GB", "DE")));

        assertThat(settings.workflow()).containsExactly(Channel.SMS, Channel.VOICE);
        assertThat(settings.fallbackAfterSeconds())
                .containsEntry(Channel.SMS, 5)
                .containsEntry(Channel.VOICE, 60);
        assertThat(settings.ttlSeconds()).isEqualTo(300);
        assertThat(settings.allowedCountries()).containsExactly("GB", "DE");
    }

    @Test
    void refusesUnknownOrRepeatedChannelsAndCountriesAndLongLives() {
        assertThatThrownBy(() -> rules.apply(
                        TenantSettings.defaults(),
                        changes(List.of("sms", "sms", "fax"), Map.of("telegram", 3), 601, List.of("XX"))))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.fieldProblems())
                                .extracting(Refusal.FieldProblem::field)
                                .containsExactlyInAnyOrder(
                                        "workflow",
                                        "workflow",
                                        "fallback_after_seconds.telegram",
                                        "ttl_seconds",
                                        "allowed_countries"));
        assertThatThrownBy(() -> rules.apply(TenantSettings.defaults(), changes(List.of(), null, null, null)))
                .isInstanceOf(Refusal.class);
    }
}
