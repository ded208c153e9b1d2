package dev.ringproof.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversionWatchTest {

    /** At least 100 settled starts, at least 5 % approved. */
    private final ConversionWatch watch = new ConversionWatch(Duration.ofHours(24), Duration.ofMinutes(10), 100, 0.05);

    @Test
    void collapsedConversionIsBlocked() {
        assertThat(watch.judge(300, 0)).hasValueSatisfying(d -> assertThat(d).contains("0 of 300 starts approved"));
        assertThat(watch.judge(100, 4)).isPresent();
    }

    @Test
    void conversionAtTheThresholdIsHealthy() {
        assertThat(watch.judge(100, 5)).isEmpty();
        assertThat(watch.judge(1000, 700)).isEmpty();
    }

    @Test
    void tooFewStartsSayNothingYet() {
        assertThat(watch.judge(99, 0)).isEmpty();
    }
}
