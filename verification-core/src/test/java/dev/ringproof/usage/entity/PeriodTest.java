package dev.ringproof.usage.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.boundary.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

    @Test
    void bothDaysAreIncludedAndAYearOf366DaysIsAllowed() {
        assertThat(Period.parse("2026-11-01", "2026-11-01"))
                .isEqualTo(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1)));
        assertThat(Period.parse("2028-01-01", "2028-12-31").to()).isEqualTo(LocalDate.of(2028, 12, 31));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "null, 2026-11-30", "2026-11-01, null", "'', 2026-11-30", "2026-11-30, 2026-11-01",
                "2026-11-01, 2027-11-02", "2026-02-30, 2026-03-01", "2026-11-1, 2026-11-30", "01.11.2026, 2026-11-30",
                "+2026-11-01, 2026-11-30", "2026-11-01T00:00, 2026-11-30", "'2026-11-01'' or 1=1', 2026-11-30"
            })
    void badDatesAreRefusedAsInvalidRequests(String from, String to) {
        assertThatThrownBy(() -> Period.parse(from, to))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.INVALID_REQUEST));
    }
}
