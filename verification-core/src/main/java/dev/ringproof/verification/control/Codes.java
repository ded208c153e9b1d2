package dev.ringproof.verification.control;

import dev.ringproof.sealing.control.Seals;
import dev.ringproof.verification.entity.CodeHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One-time codes: drawn with SecureRandom, hashed with the server's code secret. */
@ApplicationScoped
public class Codes {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "verification.code-secret", defaultValue = Seals.DEVELOPMENT_SECRET)
    String secret;

    @Produces
    CodeHasher hasher() {
        return new CodeHasher(secret);
    }

    /** {@code length} random decimal digits, leading zeros included. */
    public String otp(int length) {
        var code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return code.toString();
    }
}
