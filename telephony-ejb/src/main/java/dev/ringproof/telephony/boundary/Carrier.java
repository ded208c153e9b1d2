package dev.ringproof.telephony.boundary;

/**
 * An outbound channel to handsets. Providers: the sandbox (virtual handsets), a carrier's
 * REST API and a SIP trunk. Calls are made from a JMS consumer, never from an API request.
 */
public interface Carrier {

    /** Rings {@code to} briefly from {@code cli} and hangs up before it is answered. */
    Delivery flashCall(String to, String cli);

    Delivery sms(String to, String from, String text);

    /** Calls {@code to} and reads {@code text} out. */
    Delivery voice(String to, String from, String text);
}
