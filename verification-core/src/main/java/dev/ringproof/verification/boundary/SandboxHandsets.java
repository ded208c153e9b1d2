package dev.ringproof.verification.boundary;

import dev.ringproof.platform.control.PhoneNumbers;
import dev.ringproof.telephony.boundary.SandboxCarrier;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The sandbox API's view of the virtual carrier's handsets, so that the WARs depend on
 * verification-core only, and it on the carrier's boundary only. Phone numbers are read like any other input.
 */
@Stateless
public class SandboxHandsets {

    @EJB
    SandboxCarrier sandbox;

    public record Received(String type, String from, String text, OffsetDateTime at) {

        static Received of(SandboxCarrier.Received m) {
            return new Received(m.type(), m.from(), m.text(), m.at());
        }
    }

    public record Behaviour(String phone, String calls, String sms, String voice) {

        static Behaviour of(SandboxCarrier.Handset b) {
            return new Behaviour(b.phone(), b.calls(), b.sms(), b.voice());
        }
    }

    public List<Received> inbox(String phone) {
        return sandbox.inbox(PhoneNumbers.parse(phone).e164()).stream()
                .map(Received::of)
                .toList();
    }

    public List<Received> inboxOfTenantTests(String phone, String tenantId) {
        return sandbox.inboxOfTenantTests(PhoneNumbers.parse(phone).e164(), tenantId).stream()
                .map(Received::of)
                .toList();
    }

    /** How the handset answers {@code testTenantId}'s test traffic, or (null) everybody's traffic. */
    public Behaviour behaviour(String phone, String testTenantId) {
        return Behaviour.of(sandbox.behaviourOf(PhoneNumbers.parse(phone).e164(), testTenantId));
    }

    /** Sets how the handset answers {@code testTenantId}'s test traffic only, or (null) everybody's traffic. */
    public Behaviour configure(String phone, String testTenantId, String calls, String sms, String voice) {
        return Behaviour.of(sandbox.configure(PhoneNumbers.parse(phone).e164(), testTenantId, calls, sms, voice));
    }
}
