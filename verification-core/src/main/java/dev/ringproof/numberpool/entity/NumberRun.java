package dev.ringproof.numberpool.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Consecutive numbers as E.164 digits, {@code first} to {@code last} inclusive. */
public record NumberRun(long first, long last) {

    /** 10^18 is the largest power of ten a long holds; E.164 numbers have at most 15 digits. */
    private static final int MAX_DIGITS = 18;

    public NumberRun {
        if (last < first) {
            throw new IllegalArgumentException("a run ends after it starts");
        }
    }

    public long size() {
        return last - first + 1;
    }

    public boolean contains(long number) {
        return number >= first && number <= last;
    }

    /** How many numbers this run and {@code other} have in common. */
    public long overlap(NumberRun other) {
        return Math.max(0, Math.min(last, other.last) - Math.max(first, other.first) + 1);
    }

    /** The number at {@code offset} from the start, as E.164. */
    public String numberAt(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IndexOutOfBoundsException(offset);
        }
        return "+" + (first + offset);
    }

    /**
     * The part of this run made of whole blocks of 10^digits numbers, a block being every number
     * that shares one prefix (the number without its last {@code digits} digits); empty when the
     * run holds no whole block. Whole blocks next to each other form one run.
     */
    public Optional<NumberRun> wholeBlocks(int digits) {
        if (digits < 0 || digits > MAX_DIGITS) {
            return Optional.empty();
        }
        long block = pow10(digits);
        long start = Math.floorDiv(first + block - 1, block) * block;
        long end = Math.floorDiv(last + 1, block) * block - 1;
        return end >= start ? Optional.of(new NumberRun(start, end)) : Optional.empty();
    }

    /** Runs sorted by their first number, joined where one ends right before the next begins. */
    public static List<NumberRun> joined(List<NumberRun> sorted) {
        List<NumberRun> joined = new ArrayList<>();
        NumberRun current = null;
        for (NumberRun run : sorted) {
            if (current != null && run.first <= current.last) {
                throw new IllegalArgumentException("runs must be sorted and disjoint");
            }
            if (current != null && run.first == current.last + 1) {
                current = new NumberRun(current.first, run.last);
            } else {
                if (current != null) {
                    joined.add(current);
                }
                current = run;
            }
        }
        if (current != null) {
            joined.add(current);
        }
        return joined;
    }

    /**
     * The parts of {@code runs} outside {@code holes}, both sorted and disjoint. Holes aligned to
     * blocks of 10^N leave runs whose whole blocks of 10^N and more are exactly the ones without a hole.
     */
    public static List<NumberRun> without(List<NumberRun> runs, List<NumberRun> holes) {
        if (holes.isEmpty()) {
            return runs;
        }
        List<NumberRun> left = new ArrayList<>();
        for (NumberRun run : runs) {
            long from = run.first;
            for (NumberRun hole : holes) {
                if (hole.last < from || hole.first > run.last) {
                    continue;
                }
                if (hole.first > from) {
                    left.add(new NumberRun(from, hole.first - 1));
                }
                from = Math.max(from, hole.last + 1);
            }
            if (from <= run.last) {
                left.add(new NumberRun(from, run.last));
            }
        }
        return left;
    }

    static long pow10(int digits) {
        long value = 1;
        for (int i = 0; i < digits; i++) {
            value *= 10;
        }
        return value;
    }
}
