package dev.ringproof.ratelimit.control;

import dev.ringproof.ratelimit.entity.FraudBlock;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The velocity and conversion watches, with their settings, over a prefix's counted traffic. */
@Dependent
public class PrefixWatch {

    @Inject
    PrefixTraffic traffic;

    @Inject
    @ConfigProperty(name = "fraud.velocity.window", defaultValue = "PT10M")
    Duration velocityWindow;

    @Inject
    @ConfigProperty(name = "fraud.velocity.baseline", defaultValue = "PT24H")
    Duration velocityBaseline;

    @Inject
    @ConfigProperty(name = "fraud.velocity.min-starts", defaultValue = "200")
    int velocityMinStarts;

    @Inject
    @ConfigProperty(name = "fraud.velocity.factor", defaultValue = "10")
    double velocityFactor;

    @Inject
    @ConfigProperty(name = "fraud.conversion.window", defaultValue = "PT24H")
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
