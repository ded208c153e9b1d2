package dev.ringproof.numberpool.entity;

import dev.ringproof.numberpool.entity.HealthRules.Reason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A whole block of 10^{@link FullBlockSpan#BLOCK_DIGITS} numbers taken out of the draw because
 * one of its numbers rests. The block, not the number, rests: a block missing one number
 * could serve no code uniformly, and naming the block does not tell which of its numbers
 * (which code) was involved. Read afresh by every draw, like the spans.
 */
@Entity
@Table(name = "rested_block")
@NamedQuery(
        name = RestedBlock.OF_POOL,
        query = "select b from RestedBlock b where b.poolId = :pool"
                + " and (b.restedUntil is null or b.restedUntil > :now) order by b.firstNumber")
@NamedQuery(
        name = RestedBlock.COUNT_BY_POOL,
        query = "select b.poolId, count(b) from RestedBlock b"
                + " where b.restedUntil is null or b.restedUntil > :now group by b.poolId")
public class RestedBlock {

    public static final String OF_POOL = "RestedBlock.ofPool";
    public static final String COUNT_BY_POOL = "RestedBlock.countByPool";

    @Id
    @Column(name = "first_number")
    private long firstNumber;

    @Column(name = "last_number")
    private long lastNumber;

    private String country;

    @Column(name = "pool_id")
    private String poolId;

    private String reason;

    @Column(name = "rested_at")
    private OffsetDateTime restedAt;

    /** Null: until an admin restores it. */
    @Column(name = "rested_until")
    private OffsetDateTime restedUntil;

    protected RestedBlock() {
        // for JPA
    }

    public RestedBlock(
            NumberRun block, String country, String poolId, Reason reason, OffsetDateTime at, OffsetDateTime until) {
        this.firstNumber = block.first();
        this.lastNumber = block.last();
        this.country = country;
        this.poolId = poolId;
        this.reason = reason.wireName();
        this.restedAt = at;
        this.restedUntil = until;
    }

    /** The block holding {@code number}. */
    public static NumberRun blockOf(long number) {
        long size = NumberRun.pow10(FullBlockSpan.BLOCK_DIGITS);
        long first = Math.floorDiv(number, size) * size;
        return new NumberRun(first, first + size - 1);
    }

    public boolean isActive(OffsetDateTime now) {
        return restedUntil == null || restedUntil.isAfter(now);
    }

    /** Rests it again, for a new reason and period. */
    public void renew(Reason reason, OffsetDateTime at, OffsetDateTime until) {
        this.reason = reason.wireName();
        this.restedAt = at;
        this.restedUntil = until;
    }

    public NumberRun block() {
        return new NumberRun(firstNumber, lastNumber);
    }

    public String poolId() {
        return poolId;
    }

    public Reason reason() {
        return Reason.of(reason);
    }

    public OffsetDateTime restedAt() {
        return restedAt;
    }

    public OffsetDateTime restedUntil() {
        return restedUntil;
    }
}
