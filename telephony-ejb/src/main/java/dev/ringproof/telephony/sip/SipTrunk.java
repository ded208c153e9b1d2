package dev.ringproof.telephony.sip;

import java.time.Duration;

/**
 * A SIP trunk as {@code telephony.sip.*} describes it. {@code ringTime}: how long the handset
 * rings before we CANCEL; {@code ringWait}: how long we wait for it to start ringing.
 */
public record SipTrunk(
        String host,
        int port,
        String transport,
        String user,
        String password,
        Duration ringTime,
        Duration ringWait,
        String localAddress,
        int localPort) {

    @Override
    public String toString() {
        return "SipTrunk[" + host + ":" + port + ";" + transport + "]";
    }
}
