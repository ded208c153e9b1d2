package dev.ringproof.verification.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.tenant.entity.Channel;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationTokenTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 29, 8, 0, 0, 0, ZoneOffset.UTC);

    private final VerificationToken token = new VerificationToken("hash", verification(), NOW, NOW.plusMinutes(10));

    private static Verification verification() {
        return new Verification(
                "vf_1",
                "tn_1",
                true,
                new Verification.Destination("+447400123456", "GB", null, "en", null),
                List.of(Channel.MISSED_CALL),
                3,
                NOW,
                NOW.plusMinutes(10));
    }

    @Test
    void aTokenRedeemsOnce() {
        assertThat(token.redeem(NOW.plusMinutes(1))).isEqualTo(VerificationToken.Redeem.REDEEMED);
        assertThat(token.redeem(NOW.plusMinutes(2))).isEqualTo(VerificationToken.Redeem.ALREADY_REDEEMED);
        assertThat(token.verificationId()).isEqualTo("vf_1");
    }

    @Test
    void aTokenRedeemsOnlyBeforeItExpires() {
        assertThat(token.redeem(NOW.plusMinutes(10))).isEqualTo(VerificationToken.Redeem.EXPIRED);
        assertThat(token.redeem(NOW.plusMinutes(9)))
                .as("an expired try used nothing")
                .isEqualTo(VerificationToken.Redeem.REDEEMED);
    }

    @Test
    void aTokenBelongsToItsTenantAndWorldOnly() {
        assertThat(token.belongsTo("tn_1", true)).isTrue();
        assertThat(token.belongsTo("tn_1", false)).as("the tenant's live world").isFalse();
        assertThat(token.belongsTo("tn_2", true)).isFalse();
    }
}
