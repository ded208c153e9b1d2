package dev.ringproof.numberpool.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.numberpool.entity.HealthRules.Reason;
import org.junit.jupiter.api.Test;

class HealthRulesTest {

    private final HealthRules rules = new HealthRules(30, 0.2, 0.5, 0.25, 10, 24);

    @Test
    void nothingIsJudgedBeforeTheMinimumOfCalls() {
        assertThat(rules.broken(new CliCounts(9, 9, 9, 0, 0), 0.8)).isEmpty();
    }

    @Test
    void tooManyAnsweredRests() {
        assertThat(rules.broken(new CliCounts(10, 10, 3, 0, 5), 0.5)).contains(Reason.ANSWERED);
        assertThat(rules.broken(new CliCounts(10, 10, 2, 0, 5), 0.5)).isEmpty();
    }

    @Test
    void tooManyFailedRests() {
        assertThat(rules.broken(new CliCounts(10, 4, 0, 6, 4), 0.5)).contains(Reason.FAILED);
    }

    @Test
    void approvalsCollapsingAgainstThePoolRest() {
        assertThat(rules.broken(new CliCounts(20, 20, 0, 0, 1), 0.8)).contains(Reason.NO_APPROVALS);
        assertThat(rules.broken(new CliCounts(20, 20, 0, 0, 4), 0.8)).isEmpty();
        assertThat(rules.broken(new CliCounts(20, 20, 0, 0, 0), 0.0))
                .as("a pool without approvals judges none of its numbers by them")
                .isEmpty();
    }
}
