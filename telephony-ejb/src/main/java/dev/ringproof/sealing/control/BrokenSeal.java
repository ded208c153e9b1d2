package dev.ringproof.sealing.control;

/**
 * A sealed value that does not open: altered, bound to another record, or sealed with a key
 * derived from another secret. Says nothing about the value itself.
 */
public class BrokenSeal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokenSeal(String reason) {
        super(reason);
    }
}
