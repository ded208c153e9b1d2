package dev.ringproof.api.compat.vonage;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.Ids;
import java.util.regex.Pattern;

/** Vonage's {@code request_id}: a verification id's 128 bits as a UUID, and back. */
final class VonageRequestIds {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private VonageRequestIds() {}

    static String of(String verificationId) {
        String hex = Ids.hex(verificationId).orElseThrow();
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** The verification a request id names; a request id that is no UUID names none (404, like an unknown one). */
    static String verificationId(String requestId) {
        if (requestId == null || !UUID.matcher(requestId).matches()) {
            throw Refusal.notFound("verification");
        }
        return Ids.fromHex("vf", requestId.replace("-", "")).orElseThrow(() -> Refusal.notFound("verification"));
    }
}
