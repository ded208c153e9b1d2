package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductionChecklistTest {

    private static final String GOOD_SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void developmentRunsOnTheEmbeddedDefaults() {
        var checklist = new ProductionChecklist("development", ProductionChecklist.DEVELOPMENT_CODE_SECRET, true);

        assertThat(checklist.findings()).isEmpty();
        assertThat(checklist.runMode()).contains(RunMode.DEVELOPMENT);
    }

    @Test
    void productionNamesEverySettingToFixAtOnce() {
        var findings =
                new ProductionChecklist("production", ProductionChecklist.DEVELOPMENT_CODE_SECRET, true).findings();

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0))
                .startsWith("verification.code-secret (VERIFICATION_CODE_SECRET)")
                .contains("development value");
        assertThat(findings.get(1)).startsWith("sandbox.open (SANDBOX_OPEN)");
    }

    @Test
    void productionRefusesASecretShorterThan32Characters() {
        var findings = new ProductionChecklist("production", GOOD_SECRET.substring(1), false).findings();

        assertThat(findings)
                .singleElement()
                .asString()
                .startsWith("verification.code-secret")
                .contains("31 characters");
    }

    @Test
    void productionAcceptsALongSecretAndAClosedSandbox() {
        var checklist = new ProductionChecklist(" Production ", GOOD_SECRET, false);

        assertThat(checklist.findings()).isEmpty();
        assertThat(checklist.runMode()).contains(RunMode.PRODUCTION);
    }

    @Test
    void anUnknownModeIsRefusedRatherThanGuessed() {
        assertThat(new ProductionChecklist("prod", GOOD_SECRET, false).findings())
                .singleElement()
                .asString()
                .startsWith("ringproof.mode (RINGPROOF_MODE)");
    }
}
