package dev.ringproof.usage.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One report line: a tenant's ledger lines of one UTC day, channel, country and unit price.
 * {@code approved} counts lines whose verification is approved and whose attempt is the
 * verification's last one (the attempt that was out when the person proved the number).
 */
public record UsageGroup(
        String tenantId,
        String tenantName,
        LocalDate day,
        String channel,
        String country,
        long attempts,
        long approved,
        BigDecimal unitPrice,
        String currency)
        implements Serializable {

    /** unit price × attempts, exact at 4 decimals (a product of a 4-decimal price and a count never rounds). */
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(attempts)).setScale(Price.SCALE, RoundingMode.HALF_EVEN);
    }
}
