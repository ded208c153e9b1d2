package dev.ringproof.api.compat.twilio;

import dev.ringproof.platform.control.Ids;
import dev.ringproof.ratelimit.boundary.FraudGuard;
import dev.ringproof.verification.entity.Verification;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What the Twilio door's resources share: reading a {@code VE…} sid, counting an approval. */
final class TwilioSids {

    private static final Logger LOG = Logger.getLogger(TwilioSids.class.getName());

    private TwilioSids() {}

    /** Our id behind a {@code VE…} sid; anything else is an unknown verification (20404 naming {@code path}). */
    static String verificationId(String sid, String path) {
        if (sid == null || !sid.startsWith("VE")) {
            throw TwilioError.notFound(path);
        }
        return Ids.fromHex("vf", sid.substring(2)).orElseThrow(() -> TwilioError.notFound(path));
    }

    /** An approval is counted for the prefix watches once committed; a failed count leaves it standing. */
    static void countApproval(FraudGuard fraudGuard, Verification approved) {
        try {
            fraudGuard.approved(approved.phone(), approved.isTestMode());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Prefix traffic not counted", e);
        }
    }
}
