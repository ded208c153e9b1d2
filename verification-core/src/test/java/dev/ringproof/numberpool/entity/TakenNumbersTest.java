package dev.ringproof.numberpool.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TakenNumbersTest {

    private final TakenNumbers taken = new TakenNumbers(
            List.of(new NumberRun(442079460000L, 442079469999L), new NumberRun(442079480005L, 442079480005L)));

    @Test
    void aRunBesideThePoolsRunsIsTaken() {
        assertThat(taken.take(new NumberRun(442079470000L, 442079480004L), 0)).isEmpty();
        assertThat(taken.take(new NumberRun(442079459999L, 442079459999L), 1)).isEmpty();
        assertThat(taken.take(new NumberRun(442079480006L, 442079489999L), 2)).isEmpty();
    }

    @Test
    void aRunOverlappingAPoolsRunAtAnyPointIsRefused() {
        assertThat(taken.take(new NumberRun(442079450000L, 442079460000L), 0)).hasValue(TakenNumbers.IN_A_POOL);
        assertThat(taken.take(new NumberRun(442079469999L, 442079470500L), 1)).hasValue(TakenNumbers.IN_A_POOL);
        assertThat(taken.take(new NumberRun(442079465000L, 442079465000L), 2)).hasValue(TakenNumbers.IN_A_POOL);
        assertThat(taken.take(new NumberRun(442079400000L, 442079499999L), 3))
                .as("one that holds a pool's runs whole")
                .hasValue(TakenNumbers.IN_A_POOL);
        assertThat(taken.take(new NumberRun(442079480005L, 442079480005L), 4)).hasValue(TakenNumbers.IN_A_POOL);
    }

    @Test
    void aRunOverlappingAnEarlierOneOfTheRequestNamesIt() {
        assertThat(taken.take(new NumberRun(442038880000L, 442038880099L), 0)).isEmpty();
        assertThat(taken.take(new NumberRun(442038880200L, 442038880299L), 1)).isEmpty();

        assertThat(taken.take(new NumberRun(442038880050L, 442038880150L), 2)).hasValue(0);
        assertThat(taken.take(new NumberRun(442038880150L, 442038880200L), 3)).hasValue(1);
        assertThat(taken.take(new NumberRun(442038880100L, 442038880199L), 4))
                .as("the refused runs were not taken")
                .isEqualTo(OptionalInt.empty());
    }
}
