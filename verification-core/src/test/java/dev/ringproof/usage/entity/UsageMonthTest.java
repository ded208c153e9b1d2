package dev.ringproof.usage.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.boundary.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsageMonthTest {

    @Test
    void aMonthCoversItsFirstToItsLastDay() {
        assertThat(UsageMonth.parse("2026-11").period())
                .isEqualTo(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
        assertThat(UsageMonth.parse("2028-02").period().to()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(UsageMonth.parse("2026-01")).hasToString("2026-01");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "2026-13",
                "2026-00",
                "2026-1",
                "26-11",
                "2026-11-01",
                "11/2026",
                "+2026-11",
                "2026-11 ",
                "２０２６-11",
                "2026-11' or 1=1"
            })
    void anythingButYyyyMmIsAnInvalidRequestAboutMonth(String text) {
        assertThatThrownBy(() -> UsageMonth.parse(text)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.reason()).isEqualTo(Refusal.Reason.INVALID_REQUEST);
            assertThat(r.fieldProblems())
                    .extracting(Refusal.FieldProblem::field)
                    .containsExactly("month");
        });
    }
}
