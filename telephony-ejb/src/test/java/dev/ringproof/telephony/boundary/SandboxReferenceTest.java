package dev.ringproof.telephony.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SandboxReferenceTest {

    @Test
    void aReferenceIsAVersion7UuidThatBeginsWithItsTime() {
        long before = System.currentTimeMillis();
        var uuid = SandboxCarrier.timeOrderedUuid();
        long after = System.currentTimeMillis();
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void referencesMadeTogetherShareTheirFirstDigitsAndDifferInTheRest() {
        var references = new HashSet<String>();
        var prefixes = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String reference = SandboxCarrier.timeOrderedUuid().toString();
            references.add(reference);
            prefixes.add(reference.substring(0, 6));
        }
        assertThat(references).hasSize(1000);
        assertThat(prefixes).hasSizeLessThanOrEqualTo(2);
    }
}
