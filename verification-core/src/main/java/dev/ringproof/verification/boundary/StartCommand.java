package dev.ringproof.verification.boundary;

import java.util.List;

/** A tenant's request to verify a number; {@code channels} null means the tenant's workflow. */
public record StartCommand(String phone, List<String> channels, String locale, String reference, String clientIp) {
}
