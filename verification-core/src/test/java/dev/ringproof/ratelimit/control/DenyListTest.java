package dev.ringproof.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DenyListTest {

    @Test
    void readsCommaSeparatedPrefixesAndSkipsBlanksAndMalformedOnes() {
        assertThat(DenyList.parse(" +44759, ,+882,4479,+44 70,+1900 ")).containsExactly("+44759", "+882", "+1900");
    }

    @Test
    void emptyMeansNothingIsDenied() {
        assertThat(DenyList.parse("")).isEmpty();
    }
}
