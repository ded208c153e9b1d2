package dev.ringproof.verification.boundary;

import dev.ringproof.verification.entity.Verification;
import java.util.List;

/**
 * A tenant's request to verify a number; {@code channels} null means the tenant's workflow.
 * {@code remoteAddress} is the address the request came from, for per-IP rate limits when the
 * tenant gives no {@code clientIp}.
 */
public record StartCommand(
        String phone,
        List<String> channels,
        String locale,
        String reference,
        String clientIp,
        String remoteAddress,
        Verification.Presentation presentation) {

    /** A start through the native API. */
    public StartCommand(
            String phone,
            List<String> channels,
            String locale,
            String reference,
            String clientIp,
            String remoteAddress) {
        this(phone, channels, locale, reference, clientIp, remoteAddress, Verification.Presentation.NATIVE);
    }

    /** The end user's address as the tenant saw it, else the connection's. */
    public String addressForLimits() {
        return clientIp != null ? clientIp : remoteAddress;
    }
}
