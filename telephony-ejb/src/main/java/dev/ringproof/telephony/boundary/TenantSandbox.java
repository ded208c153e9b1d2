package dev.ringproof.telephony.boundary;

/**
 * The sandbox as one tenant's test traffic reaches it: the handset settings that tenant's
 * test key made come first, then those made on the open sandbox.
 */
public record TenantSandbox(SandboxCarrier sandbox, String tenantId) implements Carrier {

    @Override
    public Delivery flashCall(String to, String cli) {
        return sandbox.flashCall(to, cli, tenantId);
    }

    @Override
    public Delivery sms(String to, String from, String text) {
        return sandbox.sms(to, from, text, tenantId);
    }

    @Override
    public Delivery voice(String to, String from, String text) {
        return sandbox.voice(to, from, text, tenantId);
    }
}
