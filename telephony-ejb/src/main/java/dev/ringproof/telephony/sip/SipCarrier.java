package dev.ringproof.telephony.sip;

import dev.ringproof.telephony.boundary.Carrier;
import dev.ringproof.telephony.boundary.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Flash calls over a SIP trunk: INVITE from the CLI, CANCEL once it has rung for the ring
 * time. The handset is never meant to answer; if it does, we ACK and BYE at once.
 */
public class SipCarrier implements Carrier, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SipCarrier.class.getName());
    private static final Duration FINAL_WAIT = Duration.ofSeconds(4);

    private final SipTrunk trunk;
    private final SipLink link;
    private final Map<String, BlockingQueue<ResponseEvent>> calls = new ConcurrentHashMap<>();

    public SipCarrier(SipTrunk trunk) throws SipException {
        this.trunk = trunk;
        this.link = new SipLink(trunk, this::heard);
    }

    @Override
    public Delivery flashCall(String to, String cli) {
        BlockingQueue<ResponseEvent> responses = new LinkedBlockingQueue<>();
        String callId = null;
        try {
            Request invite = link.invite(to, cli);
            callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            calls.put(callId, responses);
            ClientTransaction tx = link.send(invite);
            return follow(tx, responses, callId);
        } catch (SipException | RuntimeException e) {
            // the stack's messages may quote the INVITE's From, the CLI: only the kind at WARNING
            LOG.warning(() -> "SIP call could not be placed: " + e.getClass().getName());
            LOG.log(Level.FINE, "SIP call failure in detail", e);
            return callId == null ? Delivery.notSent("SIP stack refused the call") : Delivery.unknown("SIP error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.unknown("interrupted");
        } finally {
            if (callId != null) {
                calls.remove(callId);
            }
        }
    }

    private Delivery follow(ClientTransaction first, BlockingQueue<ResponseEvent> responses, String callId)
            throws SipException, InterruptedException {
        ClientTransaction tx = first;
        Instant deadline = Instant.now().plus(trunk.ringWait());
        boolean ringing = false;
        boolean heardAnything = false;
        boolean challenged = false;
        while (true) {
            ResponseEvent event = responses.poll(millisUntil(deadline), TimeUnit.MILLISECONDS);
            if (event == null) {
                return timedOut(tx, responses, callId, ringing, heardAnything);
            }
            Response response = event.getResponse();
            int code = response.getStatusCode();
            heardAnything = true;
            if ((code == 401 || code == 407) && !challenged) {
                challenged = true;
                tx = link.answerChallenge(response, tx);
            } else if ((code == 180 || code == 183) && !ringing) {
                ringing = true;
                deadline = Instant.now().plus(trunk.ringTime());
            } else if (code >= 200 && code < 300) {
                link.ackAndBye(event);
                return Delivery.answered(callId);
            } else if (code >= 300) {
                return ringing ? Delivery.accepted(callId) : failed(code);
            }
        }
    }

    private Delivery timedOut(
            ClientTransaction tx,
            BlockingQueue<ResponseEvent> responses,
            String callId,
            boolean ringing,
            boolean heardAnything)
            throws SipException, InterruptedException {
        if (heardAnything) {
            link.cancel(tx);
            awaitFinal(responses);
        }
        if (ringing) {
            return Delivery.accepted(callId);
        }
        // no answer at all: the trunk may still have rung the handset, so nobody else may try
        return heardAnything ? Delivery.refused("no ringing") : Delivery.unknown("trunk did not answer");
    }

    /** After our CANCEL: a 487 ends it; a 200 that crossed the CANCEL gets ACK and BYE. */
    private void awaitFinal(BlockingQueue<ResponseEvent> responses) throws SipException, InterruptedException {
        Instant deadline = Instant.now().plus(FINAL_WAIT);
        ResponseEvent event;
        while ((event = responses.poll(millisUntil(deadline), TimeUnit.MILLISECONDS)) != null) {
            int code = event.getResponse().getStatusCode();
            if (code >= 200 && code < 300) {
                link.ackAndBye(event);
                return;
            }
            if (code >= 300) {
                return;
            }
        }
    }

    private static Delivery failed(int code) {
        return switch (code) {
            case 486, 600 -> Delivery.refused("busy");
            case 404, 484, 604 -> Delivery.refused("unknown number");
            case 480, 408, 603 -> Delivery.refused("unreachable");
            // the trunk itself failed before anything rang: another provider may try
            default -> code >= 500 ? Delivery.notSent("trunk answered " + code) : Delivery.refused("refused " + code);
        };
    }

    private void heard(ResponseEvent event) {
        var cseq = (CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME);
        var callId = (CallIdHeader) event.getResponse().getHeader(CallIdHeader.NAME);
        if (cseq != null && Request.INVITE.equals(cseq.getMethod()) && callId != null) {
            var queue = calls.get(callId.getCallId());
            if (queue != null) {
                queue.add(event);
            }
        }
    }

    private static long millisUntil(Instant deadline) {
        return Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
    }

    @Override
    public Delivery sms(String to, String from, String text) {
        return Delivery.notSent("the SIP trunk carries flash calls only");
    }

    @Override
    public Delivery voice(String to, String from, String text) {
        return Delivery.notSent("the SIP trunk carries flash calls only");
    }

    @Override
    public void close() {
        link.close();
    }
}
