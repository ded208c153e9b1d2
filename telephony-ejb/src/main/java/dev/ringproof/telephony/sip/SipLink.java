package dev.ringproof.telephony.sip;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.text.ParseException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The JAIN-SIP stack towards one trunk: builds and sends the requests of a flash call. */
final class SipLink implements SipListener {

    private static final Logger LOG = Logger.getLogger(SipLink.class.getName());

    private final SipTrunk trunk;
    private final Consumer<ResponseEvent> responses;
    private final SipStack stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final AuthenticationHelper auth;

    SipLink(SipTrunk trunk, Consumer<ResponseEvent> responses) throws SipException {
        this.trunk = trunk;
        this.responses = responses;
        var factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        var properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "ringproof-" + UUID.randomUUID());
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        stack = factory.createSipStack(properties);
        try {
            addresses = factory.createAddressFactory();
            headers = factory.createHeaderFactory();
            messages = factory.createMessageFactory();
            ListeningPoint point =
                    stack.createListeningPoint(trunk.localAddress(), trunk.localPort(), trunk.transport());
            provider = stack.createSipProvider(point);
            provider.addSipListener(this);
        } catch (Exception e) {
            stack.stop();
            throw new SipException("SIP stack could not start on " + trunk.localAddress(), e);
        }
        auth = ((SipStackExt) stack).getAuthenticationHelper((tx, realm) -> credentials(), headers);
    }

    Request invite(String to, String cli) throws SipException {
        try {
            SipURI target = addresses.createSipURI(to, trunk.host());
            target.setPort(trunk.port());
            target.setTransportParam(trunk.transport());
            SipURI caller = addresses.createSipURI(cli, trunk.host());
            SipURI contact = addresses.createSipURI(cli, trunk.localAddress());
            contact.setPort(provider.getListeningPoint(trunk.transport()).getPort());
            var via = headers.createViaHeader(trunk.localAddress(), contact.getPort(), trunk.transport(), null);
            Request invite = messages.createRequest(
                    target,
                    Request.INVITE,
                    provider.getNewCallId(),
                    headers.createCSeqHeader(1L, Request.INVITE),
                    headers.createFromHeader(
                            addresses.createAddress(caller), UUID.randomUUID().toString()),
                    headers.createToHeader(addresses.createAddress(addresses.createSipURI(to, trunk.host())), null),
                    List.of(via),
                    headers.createMaxForwardsHeader(70));
            invite.addHeader(headers.createContactHeader(addresses.createAddress(contact)));
            invite.addHeader(headers.createHeader("P-Asserted-Identity", "<" + caller + ">"));
            invite.setContent(sdp(), headers.createContentTypeHeader("application", "sdp"));
            return invite;
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new SipException("not a SIP-able number", e);
        }
    }

    /** A minimal audio offer: some trunks refuse an INVITE without one. No media ever flows. */
    private String sdp() {
        String ip = trunk.localAddress();
        return "v=0\r\no=ringproof 1 1 IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 " + ip + "\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n";
    }

    ClientTransaction send(Request request) throws SipException {
        ClientTransaction tx = provider.getNewClientTransaction(request);
        tx.sendRequest();
        return tx;
    }

    ClientTransaction answerChallenge(Response challenge, ClientTransaction tx) throws SipException {
        ClientTransaction retry = auth.handleChallenge(challenge, tx, provider, 5);
        retry.sendRequest();
        return retry;
    }

    void cancel(ClientTransaction tx) throws SipException {
        provider.getNewClientTransaction(tx.createCancel()).sendRequest();
    }

    void ackAndBye(ResponseEvent answered) throws SipException {
        Dialog dialog = answered.getDialog();
        long cseq = ((CSeqHeader) answered.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber();
        try {
            dialog.sendAck(dialog.createAck(cseq));
        } catch (javax.sip.InvalidArgumentException e) {
            throw new SipException("cannot ACK", e);
        }
        dialog.sendRequest(provider.getNewClientTransaction(dialog.createRequest(Request.BYE)));
    }

    private UserCredentials credentials() {
        return new UserCredentials() {
            @Override
            public String getUserName() {
                return trunk.user();
            }

            @Override
            public String getPassword() {
                return trunk.password();
            }

            @Override
            public String getSipDomain() {
                return trunk.host();
            }
        };
    }

    @Override
    public void processResponse(ResponseEvent event) {
        responses.accept(event);
    }

    @Override
    public void processRequest(RequestEvent event) {
        // the far end may hang up an answered call itself: say OK so it stops repeating the BYE
        Request request = event.getRequest();
        if (Request.BYE.equals(request.getMethod()) && event.getServerTransaction() != null) {
            try {
                event.getServerTransaction().sendResponse(messages.createResponse(Response.OK, request));
            } catch (Exception e) {
                LOG.log(Level.FINE, "BYE not answered", e);
            }
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        LOG.fine("SIP transaction timed out");
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.warning(() -> "SIP I/O error towards " + event.getHost() + ":" + event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to clean up: calls are keyed by Call-ID in SipCarrier
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // nothing to clean up
    }

    void close() {
        stack.stop();
    }
}
