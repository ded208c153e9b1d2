package dev.ringproof.usage.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * One billed verification as the monthly summary sees it: every ledger line it has, summed.
 * {@code approvedOn} is the channel of its approving attempt (null when not approved), the
 * same rule the usage report's {@code approved} column follows.
 */
public record VerificationCost(
        String tenantId,
        String tenantName,
        String verificationId,
        String country,
        OffsetDateTime firstSentAt,
        BigDecimal cost,
        Set<String> channels,
        String approvedOn)
        implements Serializable {}
