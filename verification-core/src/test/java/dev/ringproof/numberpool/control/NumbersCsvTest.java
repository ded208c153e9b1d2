package dev.ringproof.numberpool.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.numberpool.boundary.NumberPools.NumberRange;
import dev.ringproof.platform.boundary.Refusal;
import org.junit.jupiter.api.Test;

class NumbersCsvTest {

    @Test
    void readsNumbersAndRangesAfterAHeader() {
        var ranges = NumbersCsv.read("number,to\n+442079460000\n\n +442079460010 , +442079460019\n", 10);

        assertThat(ranges)
                .containsExactly(
                        new NumberRange("+442079460000", "+442079460000"),
                        new NumberRange("+442079460010", "+442079460019"));
    }

    @Test
    void refusesLinesWithThreeColumns() {
        assertThatThrownBy(() -> NumbersCsv.read("+1,+2,+3", 10))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.fieldProblems().get(0).field()).isEqualTo("numbers[line 1]"));
    }

    @Test
    void refusesTooManyLinesAndEmptyFiles() {
        assertThatThrownBy(() -> NumbersCsv.read("+1\n+2\n+3", 2)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> NumbersCsv.read("number\n", 2)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> NumbersCsv.read("  ", 2)).isInstanceOf(Refusal.class);
    }

    @Test
    void anUnclosedQuoteIsARefusalNotACrash() {
        assertThatThrownBy(() -> NumbersCsv.read("\"+4420794600", 2)).isInstanceOf(Refusal.class);
    }
}
