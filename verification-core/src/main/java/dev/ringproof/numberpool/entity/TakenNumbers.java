package dev.ringproof.numberpool.entity;

import java.util.Collection;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The numbers that are in a pool already, and those a request adds one by one: each new run
 * is taken only if it overlaps none of them. A request's runs are checked against one read of
 * the pools' runs in their span instead of a query each.
 */
public final class TakenNumbers {

    /** Where a taken run came from: {@link #IN_A_POOL}, or the index of the request's run. */
    public static final int IN_A_POOL = -1;

    /** Disjoint runs by their first number, each with where it came from. */
    private final TreeMap<Long, Taken> runs = new TreeMap<>();

    private record Taken(NumberRun run, int source) {}

    /** {@code inPools}: the pools' runs, at least those that overlap the span of what will be added. */
    public TakenNumbers(Collection<NumberRun> inPools) {
        inPools.forEach(run -> runs.put(run.first(), new Taken(run, IN_A_POOL)));
    }

    /**
     * Takes {@code run}, the request's {@code index}-th, unless it overlaps a run taken before:
     * then answers where that one came from ({@link #IN_A_POOL} or its index) and takes nothing.
     */
    public OptionalInt take(NumberRun run, int index) {
        var before = runs.floorEntry(run.last());
        if (before != null && before.getValue().run().last() >= run.first()) {
            return OptionalInt.of(before.getValue().source());
        }
        runs.put(run.first(), new Taken(run, index));
        return OptionalInt.empty();
    }
}
