package dev.ringproof.numberpool.control;

import dev.ringproof.sealing.control.BrokenSeal;
import dev.ringproof.sealing.control.Seal;
import dev.ringproof.sealing.control.Seals;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a caller number is named at rest in its health counters: by a keyed hash (HMAC-SHA256
 * with the code secret), so a reader of the database cannot tell which number was drawn when
 * (a pending missed call's code is its CLI's end), and sealed for the admin's health view.
 */
@ApplicationScoped
public class CliKeys {

    private static final String ALGORITHM = "HmacSHA256";

    @Inject
    @ConfigProperty(name = "verification.code-secret", defaultValue = Seals.DEVELOPMENT_SECRET)
    String secret;

    private SecretKeySpec key;
    private Seal seal;

    @PostConstruct
    void derive() {
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        seal = Seal.derive(secret, "caller number health");
    }

    /** The counters' key of {@code cli} (E.164). */
    public String keyOf(String cli) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(("cli-health:" + cli).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sealed(String cli, String cliKey) {
        return seal.close(cli, "cli-health/" + cliKey);
    }

    /** The number, or null when it was sealed under another code secret. */
    public String opened(String sealed, String cliKey) {
        try {
            return seal.open(sealed, "cli-health/" + cliKey);
        } catch (BrokenSeal e) {
            return null;
        }
    }
}
