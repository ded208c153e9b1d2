package dev.ringproof.numberpool.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoolRangeTest {

    @Test
    void holdsConsecutiveNumbers() {
        var range = new PoolRange("rg_1", "pl_1", 442079460000L, 442079469999L);

        assertThat(range.size()).isEqualTo(10_000);
        assertThat(range.numberAt(0)).isEqualTo("+442079460000");
        assertThat(range.numberAt(9_999)).isEqualTo("+442079469999");
        assertThatThrownBy(() -> range.numberAt(10_000)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void cuttingANumberOutOfTheMiddleSplitsTheRange() {
        var range = new PoolRange("rg_1", "pl_1", 100, 199);

        var rest = range.cut(150, "rg_2");

        assertThat(range.lastNumber()).isEqualTo(149);
        assertThat(rest.firstNumber()).isEqualTo(151);
        assertThat(rest.lastNumber()).isEqualTo(199);
        assertThat(range.size() + rest.size()).isEqualTo(99);
    }

    @Test
    void cuttingTheOnlyNumberLeavesNothing() {
        var range = new PoolRange("rg_1", "pl_1", 100, 100);

        assertThat(range.cut(100, "rg_2")).isNull();
        assertThat(range.isEmpty()).isTrue();
        assertThat(range.lastNumber())
                .as("the row stays valid until it is removed")
                .isEqualTo(100);
    }

    @Test
    void cuttingTheFirstNumberKeepsTheRest() {
        var range = new PoolRange("rg_1", "pl_1", 100, 102);

        assertThat(range.cut(100, "rg_2")).isNull();

        assertThat(range.isEmpty()).isFalse();
        assertThat(range.firstNumber()).isEqualTo(101);
        assertThat(range.size()).isEqualTo(2);
    }

    @Test
    void cuttingTheLastNumberKeepsTheRest() {
        var range = new PoolRange("rg_1", "pl_1", 100, 102);

        assertThat(range.cut(102, "rg_2")).isNull();

        assertThat(range.isEmpty()).isFalse();
        assertThat(range.lastNumber()).isEqualTo(101);
    }
}
