package dev.ringproof.ratelimit.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-25T10:00:00Z");
    private static final Traffic START =
            new Traffic(Action.START, "tn_a", false, "+447400123456", "GB", "+44740", "203.0.113.7");

    private static RateLimitPolicy policy(Scope scope, String tenant, String match) {
        return new RateLimitPolicy("rl_x", scope, Action.START, tenant, match, 5, 3600, NOW);
    }

    @Test
    void eachScopeCountsByItsSubject() {
        assertThat(policy(Scope.TENANT, null, null).subjectOf(START)).contains("tn_a");
        assertThat(policy(Scope.PHONE, null, null).subjectOf(START)).contains("+447400123456");
        assertThat(policy(Scope.PREFIX, null, null).subjectOf(START)).contains("+44740");
        assertThat(policy(Scope.COUNTRY, null, null).subjectOf(START)).contains("GB");
        assertThat(policy(Scope.IP, null, null).subjectOf(START)).contains("203.0.113.7");
    }

    @Test
    void matchNarrowsThePolicy() {
        assertThat(policy(Scope.PREFIX, null, "+4474").subjectOf(START)).contains("+4474");
        assertThat(policy(Scope.PREFIX, null, "+4479").subjectOf(START)).isEmpty();
        assertThat(policy(Scope.PHONE, null, "+4474").subjectOf(START)).contains("+447400123456");
        assertThat(policy(Scope.COUNTRY, null, "DE").subjectOf(START)).isEmpty();
    }

    @Test
    void tenantPolicyIgnoresOtherTenantsTraffic() {
        assertThat(policy(Scope.TENANT, "tn_b", null).subjectOf(START)).isEmpty();
        assertThat(policy(Scope.TENANT, "tn_a", null).subjectOf(START)).contains("tn_a");
    }

    @Test
    void startPolicyIgnoresChecksAndIpPolicyIgnoresTrafficWithoutAddress() {
        var check = new Traffic(Action.CHECK, "tn_a", false, "+447400123456", "GB", "+44740", null);

        assertThat(policy(Scope.PHONE, null, null).subjectOf(check)).isEmpty();
        assertThat(new RateLimitPolicy("rl_c", Scope.IP, Action.START, null, null, 5, 60, NOW)
                        .subjectOf(new Traffic(Action.START, "tn_a", false, "+447400123456", "GB", "+44740", null)))
                .isEmpty();
    }
}
