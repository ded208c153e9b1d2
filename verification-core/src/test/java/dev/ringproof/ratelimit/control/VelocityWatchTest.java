package dev.ringproof.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VelocityWatchTest {

    /** 10-minute windows, 24 h baseline = 144 windows, at least 200 starts, 10 times the usual. */
    private final VelocityWatch watch = new VelocityWatch(Duration.ofMinutes(10), Duration.ofHours(24), 200, 10);

    @Test
    void newPrefixIsBlockedOnceItReachesTheMinimum() {
        assertThat(watch.judge(199, 0)).isEmpty();
        assertThat(watch.judge(200, 0)).hasValueSatisfying(d -> assertThat(d).contains("200 starts in 10 minutes"));
    }

    @Test
    void busyPrefixWithinTenTimesItsUsualRateIsLeftAlone() {
        long usualPerWindow = 50;
        long baseline = usualPerWindow * 144;

        assertThat(watch.judge(500, baseline)).isEmpty();
        assertThat(watch.judge(501, baseline)).isPresent();
    }

    @Test
    void fewStartsNeverBlockHoweverQuietThePrefixWas() {
        assertThat(watch.judge(150, 0)).isEmpty();
    }

    @Test
    void baselineShorterThanTheWindowCountsAsOneWindow() {
        var shortBaseline = new VelocityWatch(Duration.ofMinutes(10), Duration.ofMinutes(5), 10, 2);

        assertThat(shortBaseline.judge(20, 10)).isEmpty();
        assertThat(shortBaseline.judge(21, 10)).isPresent();
    }
}
