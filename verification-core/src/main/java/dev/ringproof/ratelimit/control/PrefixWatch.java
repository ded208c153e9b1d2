package dev.ringproof.ratelimit.control;

import dev.ringproof.ratelimit.entity.FraudBlock;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The velocity and conversion watches, with their settings, over a prefix's counted traffic. */
@Dependent
public class PrefixWatch {

    private static final String VELOCITY_WINDOW = "fraud.velocity.window";
    private static final String DEFAULT_VELOCITY_WINDOW = "PT10M";
    private static final String VELOCITY_BASELINE = "fraud.velocity.baseline";
    private static final String DEFAULT_VELOCITY_BASELINE = "PT24H";
    private static final String CONVERSION_WINDOW = "fraud.conversion.window";
    private static final String DEFAULT_CONVERSION_WINDOW = "PT24H";

    @Inject
    PrefixTraffic traffic;

    @Inject
    @ConfigProperty(name = VELOCITY_WINDOW, defaultValue = DEFAULT_VELOCITY_WINDOW)
    Duration velocityWindow;

    @Inject
    @ConfigProperty(name = VELOCITY_BASELINE, defaultValue = DEFAULT_VELOCITY_BASELINE)
    Duration velocityBaseline;

    @Inject
    @ConfigProperty(name = "fraud.velocity.min-starts", defaultValue = "200")
    int velocityMinStarts;

    @Inject
    @ConfigProperty(name = "fraud.velocity.factor", defaultValue = "10")
    double velocityFactor;

    @Inject
    @ConfigProperty(name = CONVERSION_WINDOW, defaultValue = DEFAULT_CONVERSION_WINDOW)
    Duration conversionWindow;

    @Inject
    @ConfigProperty(name = "fraud.conversion.settle", defaultValue = "PT10M")
    Duration conversionSettle;

    @Inject
    @ConfigProperty(name = "fraud.conversion.min-starts", defaultValue = "100")
    int conversionMinStarts;

    @Inject
    @ConfigProperty(name = "fraud.conversion.min-rate", defaultValue = "0.05")
    double conversionMinRate;

    @Inject
    @ConfigProperty(name = "fraud.velocity.block-for", defaultValue = "PT12H")
    Duration velocityBlockFor;

    @Inject
    @ConfigProperty(name = "fraud.conversion.block-for", defaultValue = "PT12H")
    Duration conversionBlockFor;

    /**
     * How far back the watches read a prefix's traffic with the settings {@code config} has now:
     * the velocity watch's window and its baseline before it, or the conversion watch's window.
     * No sum counts a minute older than that.
     */
    public static Duration lookBack(Config config) {
        var velocity = setting(config, VELOCITY_WINDOW, DEFAULT_VELOCITY_WINDOW)
                .plus(setting(config, VELOCITY_BASELINE, DEFAULT_VELOCITY_BASELINE));
        var conversion = setting(config, CONVERSION_WINDOW, DEFAULT_CONVERSION_WINDOW);
        return velocity.compareTo(conversion) >= 0 ? velocity : conversion;
    }

    private static Duration setting(Config config, String name, String defaultValue) {
        return config.getOptionalValue(name, Duration.class).orElse(Duration.parse(defaultValue));
    }

    /** A finding: why to block, and for how long. */
    public record Finding(FraudBlock.Reason reason, String detail, Duration blockFor) {}

    /** Judges the prefix's live or test traffic so far, before this start is counted. */
    public Optional<Finding> judge(String prefix, boolean test, OffsetDateTime now) {
        var velocity = new VelocityWatch(velocityWindow, velocityBaseline, velocityMinStarts, velocityFactor);
        var conversion =
                new ConversionWatch(conversionWindow, conversionSettle, conversionMinStarts, conversionMinRate);
        var stats = traffic.stats(prefix, test, now, velocity, conversion);
        return velocity.judge(stats.recentStarts(), stats.baselineStarts())
                .map(detail -> new Finding(FraudBlock.Reason.VELOCITY, detail, velocityBlockFor))
                .or(() -> conversion
                        .judge(stats.settledStarts(), stats.settledApprovals())
                        .map(detail -> new Finding(FraudBlock.Reason.CONVERSION, detail, conversionBlockFor)));
    }

    public void countStart(String prefix, boolean test, OffsetDateTime now) {
        traffic.countStart(prefix, test, now);
    }

    public void countApproval(String prefix, boolean test, OffsetDateTime now) {
        traffic.countApproval(prefix, test, now);
    }
}
