package dev.ringproof.numberpool.entity;

import java.time.LocalDate;
import java.util.List;

/**
 * How a pool's caller numbers fare: what can still be drawn, what rests and why, which
 * numbers were answered or failed most, and the calls and approvals of each recent day.
 *
 * @param usable     what the pool serves now, rested blocks left out
 * @param restedSize how many of the pool's numbers rest
 * @param inUse      how many of its numbers placed a call today
 */
public record PoolHealthView(
        NumberPool pool,
        HealthRules rules,
        long size,
        PoolBlocks usable,
        long restedSize,
        long inUse,
        List<RestedBlock> rested,
        List<NumberCounts> topAnswered,
        List<NumberCounts> topFailed,
        List<DayCounts> days) {

    /** One number's counts over the view's days; {@code number} null when its seal does not open. */
    public record NumberCounts(String number, CliCounts counts) {}

    public record DayCounts(LocalDate day, CliCounts counts) {}
}
