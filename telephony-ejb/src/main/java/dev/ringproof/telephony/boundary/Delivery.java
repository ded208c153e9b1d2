package dev.ringproof.telephony.boundary;

/**
 * What a carrier said to a send. Only {@link Outcome#NOT_SENT} lets another provider try the
 * same attempt: the others either reached the handset, were turned down by it, or may have.
 */
public record Delivery(Outcome outcome, String providerReference, String reason) {

    public enum Outcome {
        /** The carrier took it. */
        ACCEPTED,
        /** The handset or the carrier's network turned it down (busy, unknown number): no other provider helps. */
        REFUSED,
        /** The provider failed in a way that proves nothing went out (connection refused, an error answer). */
        NOT_SENT,
        /** It may have gone out (a timeout after the request left): never send it again elsewhere. */
        UNKNOWN
    }

    /** The reason of an accepted flash call that the handset answered (and we hung up at once). */
    public static final String ANSWERED = "answered";

    public static Delivery accepted(String providerReference) {
        return new Delivery(Outcome.ACCEPTED, providerReference, null);
    }

    /** A flash call the handset answered: it rang, and costs a call's connection. */
    public static Delivery answered(String providerReference) {
        return new Delivery(Outcome.ACCEPTED, providerReference, ANSWERED);
    }

    public static Delivery refused(String reason) {
        return new Delivery(Outcome.REFUSED, null, reason);
    }

    public static Delivery notSent(String reason) {
        return new Delivery(Outcome.NOT_SENT, null, reason);
    }

    public static Delivery unknown(String reason) {
        return new Delivery(Outcome.UNKNOWN, null, reason);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    public boolean answered() {
        return accepted() && ANSWERED.equals(reason);
    }

    /** Whether the provider itself misbehaved, which counts against its health. */
    public boolean providerFailed() {
        return outcome == Outcome.NOT_SENT || outcome == Outcome.UNKNOWN;
    }
}
