package dev.ringproof.numberpool.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/** A run of consecutive numbers of a pool, as E.164 digits: a single number is a run of one. */
@Entity
@Cacheable
@Table(name = "pool_range")
@NamedQuery(name = PoolRange.OF_POOL, query = "select r from PoolRange r where r.poolId = :pool order by r.firstNumber")
@NamedQuery(
        name = PoolRange.RUNS_OF_POOL,
        query = "select new dev.ringproof.numberpool.entity.NumberRun("
                + "r.firstNumber, r.lastNumber) from PoolRange r where r.poolId = :pool order by r.firstNumber")
@NamedQuery(
        name = PoolRange.RUNS_ENABLED_IN,
        query = "select new dev.ringproof.numberpool.entity.NumberRun("
                + "r.firstNumber, r.lastNumber) from PoolRange r, NumberPool p"
                + " where p.id = r.poolId and p.country = :country and p.enabled = true order by r.firstNumber")
@NamedQuery(
        name = PoolRange.OVERLAPPING,
        query = "select new dev.ringproof.numberpool.entity.NumberRun(r.firstNumber, r.lastNumber)"
                + " from PoolRange r where r.firstNumber <= :last and r.lastNumber >= :first")
@NamedQuery(name = PoolRange.COUNT_OF_POOL, query = "select count(r) from PoolRange r where r.poolId = :pool")
public class PoolRange {

    public static final String OF_POOL = "PoolRange.ofPool";
    /** Read as values, not entities: straight from the database, past the shared cache. */
    public static final String RUNS_OF_POOL = "PoolRange.runsOfPool";

    public static final String RUNS_ENABLED_IN = "PoolRange.runsEnabledIn";
    public static final String OVERLAPPING = "PoolRange.overlapping";
    public static final String COUNT_OF_POOL = "PoolRange.countOfPool";

    @Id
    private String id;

    @Column(name = "pool_id")
    private String poolId;

    @Column(name = "first_number")
    private long firstNumber;

    @Column(name = "last_number")
    private long lastNumber;

    /** Set when its only number was cut: the range is to be removed. */
    @Transient
    private boolean emptied;

    protected PoolRange() {
        // for JPA
    }

    public PoolRange(String id, String poolId, long firstNumber, long lastNumber) {
        if (lastNumber < firstNumber) {
            throw new IllegalArgumentException("a range ends after it starts");
        }
        this.id = id;
        this.poolId = poolId;
        this.firstNumber = firstNumber;
        this.lastNumber = lastNumber;
    }

    public long size() {
        return lastNumber - firstNumber + 1;
    }

    public boolean contains(long number) {
        return number >= firstNumber && number <= lastNumber;
    }

    /** The number at {@code offset} from the start, as E.164. */
    public String numberAt(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IndexOutOfBoundsException(offset);
        }
        return "+" + (firstNumber + offset);
    }

    /**
     * Shrinks this range so it no longer holds {@code number}; answers the part after it, if any.
     * A range that held only that number is left as it is and {@link #isEmpty()}: the caller
     * removes it. (Written empty first, its row failed the table's check {@code last >= first}
     * before the delete reached the database.)
     */
    public PoolRange cut(long number, String idForRest) {
        if (number == firstNumber && number == lastNumber) {
            emptied = true;
            return null;
        }
        if (number == firstNumber) {
            firstNumber = number + 1;
            return null;
        }
        PoolRange rest = number < lastNumber ? new PoolRange(idForRest, poolId, number + 1, lastNumber) : null;
        lastNumber = number - 1;
        return rest;
    }

    public boolean isEmpty() {
        return emptied;
    }

    public String id() {
        return id;
    }

    public String poolId() {
        return poolId;
    }

    public long firstNumber() {
        return firstNumber;
    }

    public long lastNumber() {
        return lastNumber;
    }

    public String first() {
        return "+" + firstNumber;
    }

    public String last() {
        return "+" + lastNumber;
    }
}
