package dev.ringproof.telephony.boundary;

/** What a carrier said to a send: accepted (with its reference) or refused (with a reason). */
public record Delivery(boolean accepted, String providerReference, String reason) {

    public static Delivery accepted(String providerReference) {
        return new Delivery(true, providerReference, null);
    }

    public static Delivery refused(String reason) {
        return new Delivery(false, null, reason);
    }
}
