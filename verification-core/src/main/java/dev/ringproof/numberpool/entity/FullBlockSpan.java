package dev.ringproof.numberpool.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Consecutive numbers, all in enabled pools of one country, cut at both ends to whole
 * blocks of 10^{@link #BLOCK_DIGITS}: the only numbers a missed call may come from. A number
 * in a span may carry an N-digit code when its whole 10^N block lies in the span.
 * Rewritten for the country whenever its pools' numbers change, and read afresh by every
 * draw (never cached): a broken block stops serving on every server at once.
 */
@Entity
@Table(name = "full_block_span")
@NamedQuery(name = FullBlockSpan.DELETE_IN, query = "delete from FullBlockSpan s where s.country = :country")
public class FullBlockSpan {

    /** The shortest code a tenant may ask for: smaller blocks can serve no tenant. */
    public static final int BLOCK_DIGITS = 4;

    public static final String DELETE_IN = "FullBlockSpan.deleteIn";

    /** Numbers are in one pool at most, so spans never overlap, across countries too. */
    @Id
    @Column(name = "first_number")
    private long firstNumber;

    @Column(name = "last_number")
    private long lastNumber;

    private String country;

    protected FullBlockSpan() {
        // for JPA
    }

    public FullBlockSpan(String country, NumberRun run) {
        this.country = country;
        this.firstNumber = run.first();
        this.lastNumber = run.last();
    }

    public String country() {
        return country;
    }

    public NumberRun run() {
        return new NumberRun(firstNumber, lastNumber);
    }
}
