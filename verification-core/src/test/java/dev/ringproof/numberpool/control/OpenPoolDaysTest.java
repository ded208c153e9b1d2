package dev.ringproof.numberpool.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OpenPoolDaysTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private final OpenPoolDays days = new OpenPoolDays();

    @Test
    void aPoolsDayIsOpenOnceOpenedAndOnlyThatDay() {
        assertThat(days.isOpen("pl_a", MONDAY)).isFalse();

        days.opened("pl_a", MONDAY);

        assertThat(days.isOpen("pl_a", MONDAY)).isTrue();
        assertThat(days.isOpen("pl_b", MONDAY)).as("another pool").isFalse();
        assertThat(days.isOpen("pl_a", MONDAY.plusDays(1))).as("the next day").isFalse();
    }

    @Test
    void aNewDayForgetsTheDayBeforeAndALateCommitOfTheDayBeforeChangesNothing() {
        days.opened("pl_a", MONDAY);
        days.opened("pl_b", MONDAY.plusDays(1));

        assertThat(days.isOpen("pl_a", MONDAY)).isFalse();
        assertThat(days.isOpen("pl_b", MONDAY.plusDays(1))).isTrue();

        days.opened("pl_c", MONDAY);
        assertThat(days.isOpen("pl_c", MONDAY)).isFalse();
        assertThat(days.isOpen("pl_b", MONDAY.plusDays(1))).isTrue();
    }
}
