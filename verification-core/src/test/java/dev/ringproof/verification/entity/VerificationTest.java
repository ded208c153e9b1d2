package dev.ringproof.verification.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.tenant.entity.Channel;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerificationTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneOffset.UTC);
    private final CodeHasher hasher = new CodeHasher("test-secret");
    private Verification verification;

    @BeforeEach
    void missedCallFrom442079461234() {
        verification = new Verification(
                "vf_1",
                "tn_1",
                false,
                new Verification.Destination("+447400123456", "GB", null, "en", null),
                List.of(Channel.MISSED_CALL, Channel.SMS),
                3,
                NOW,
                NOW.plusMinutes(10));
        verification.startAttempt(
                "at_1", Channel.MISSED_CALL, "+44207946", 4, hasher.hash("at_1", "1234"), NOW, NOW.plusSeconds(30));
    }

    @Test
    void lastDigitsOfTheCallerApprove() {
        assertThat(verification.check("1234", hasher, NOW.plusSeconds(5))).isEqualTo(CheckOutcome.APPROVED);
        assertThat(verification.status()).isEqualTo(VerificationStatus.APPROVED);
        assertThat(verification.nextFallbackAt()).isNull();
    }

    @Test
    void wholeCallerNumberApproves() {
        assertThat(verification.check("+442079461234", hasher, NOW)).isEqualTo(CheckOutcome.APPROVED);
    }

    @Test
    void aCallerNumberWithAnotherPrefixDoesNot() {
        assertThat(verification.check("+442079471234", hasher, NOW)).isEqualTo(CheckOutcome.WRONG_CODE);
        assertThat(verification.check("+4420794612340", hasher, NOW)).isEqualTo(CheckOutcome.WRONG_CODE);
    }

    @Test
    void everyWrongCodeUsesACheckAndTheLastOneFails() {
        assertThat(verification.check("0000", hasher, NOW)).isEqualTo(CheckOutcome.WRONG_CODE);
        assertThat(verification.check("12345", hasher, NOW)).isEqualTo(CheckOutcome.WRONG_CODE);
        assertThat(verification.remainingChecks()).isEqualTo(1);
        assertThat(verification.check("4321", hasher, NOW)).isEqualTo(CheckOutcome.WRONG_CODE);

        assertThat(verification.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(verification.check("1234", hasher, NOW)).isEqualTo(CheckOutcome.CLOSED);
    }

    @Test
    void expiresAtItsTime() {
        assertThat(verification.check("1234", hasher, NOW.plusMinutes(10))).isEqualTo(CheckOutcome.CLOSED);
        assertThat(verification.status()).isEqualTo(VerificationStatus.EXPIRED);
    }

    @Test
    void anEarlierAttemptsCodeStaysValidAfterFallback() {
        verification.startAttempt(
                "at_2", Channel.SMS, null, 6, hasher.hash("at_2", "654321"), NOW.plusSeconds(30), null);

        assertThat(verification.attempts().get(0).status()).isEqualTo(Attempt.Status.SUPERSEDED);
        assertThat(verification.currentAttempt().orElseThrow().channel()).isEqualTo(Channel.SMS);
        assertThat(verification.check("1234", hasher, NOW.plusSeconds(40))).isEqualTo(CheckOutcome.APPROVED);
    }

    @Test
    void canceledIsFinal() {
        assertThat(verification.cancel(NOW)).isTrue();
        assertThat(verification.cancel(NOW)).isFalse();
        assertThat(verification.check("1234", hasher, NOW)).isEqualTo(CheckOutcome.CLOSED);
    }

    @Test
    void aPendingOneMayBeApprovedWithoutACodeOnce() {
        assertThat(verification.approve(NOW)).isTrue();

        assertThat(verification.status()).isEqualTo(VerificationStatus.APPROVED);
        assertThat(verification.approve(NOW)).isFalse();
        assertThat(verification.cancel(NOW)).isFalse();
    }

    @Test
    void anExpiredOneIsNotApproved() {
        assertThat(verification.approve(NOW.plusMinutes(10))).isFalse();
        assertThat(verification.status()).isEqualTo(VerificationStatus.EXPIRED);
    }

    @Test
    void knowsTheChannelAfterEach() {
        assertThat(verification.channelAfter(Channel.MISSED_CALL)).contains(Channel.SMS);
        assertThat(verification.channelAfter(Channel.SMS)).isEmpty();
    }

    @Test
    void hashesDifferPerAttemptForTheSameCode() {
        assertThat(hasher.hash("at_1", "1234")).isNotEqualTo(hasher.hash("at_2", "1234"));
        assertThat(new CodeHasher("other").hash("at_1", "1234")).isNotEqualTo(hasher.hash("at_1", "1234"));
    }
}
