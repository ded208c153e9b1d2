package dev.ringproof.platform.control;

import jakarta.persistence.EntityManager;

/**
 * A counter on a row that many transactions share (a prefix's minute, a pool's day), as a value:
 * two equal counts are the same row and column, so the counts of many commits add up to one
 * update ({@link SharedCounters}).
 */
public interface SharedCount {

    /** Adds {@code n} to the row; the rows updated, 0 when it has none yet. */
    int add(EntityManager em, long n);

    /** Inserts the row at 0 unless it is there. */
    void open(EntityManager em);
}
