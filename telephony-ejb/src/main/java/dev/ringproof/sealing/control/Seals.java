package dev.ringproof.sealing.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The seals of the server, keyed from {@code verification.code-secret} (the secret that
 * already keys the code hashes), one key per purpose so that no sealed value of one kind
 * opens as another. Changing that secret makes what is sealed unreadable: messages in flight
 * are then not sent (the workflow moves on) and webhook secrets must be issued again.
 */
@ApplicationScoped
public class Seals {

    /** The development value, shared with the code hashes' key. */
    public static final String DEVELOPMENT_SECRET = "ringproof-embedded-code-secret-change-me";

    @Inject
    @ConfigProperty(name = "verification.code-secret", defaultValue = DEVELOPMENT_SECRET)
    String secret;

    private Seal outbound;
    private Seal webhookSecrets;

    @PostConstruct
    void derive() {
        outbound = Seal.derive(secret, "outbound message");
        webhookSecrets = Seal.derive(secret, "webhook signing secret");
    }

    /** For the codes and caller numbers of outbound messages, bound to the attempt. */
    public Seal outbound() {
        return outbound;
    }

    /** For tenants' webhook signing secrets, bound to the tenant. */
    public Seal webhookSecrets() {
        return webhookSecrets;
    }
}
