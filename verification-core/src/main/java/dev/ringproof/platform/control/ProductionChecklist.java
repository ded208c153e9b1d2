package dev.ringproof.platform.control;

import dev.ringproof.sealing.control.Seals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What production mode will not run with: an unknown mode, the development code secret or one
 * too short to be a key, and an open sandbox. Each finding names the setting and its
 * environment variable, so one log line tells an operator everything to fix.
 */
public record ProductionChecklist(String mode, String codeSecret, boolean sandboxOpen) {

    /** The value {@code verification.code-secret} has when nobody set it. */
    public static final String DEVELOPMENT_CODE_SECRET = Seals.DEVELOPMENT_SECRET;

    public static final int MIN_SECRET_LENGTH = 32;

    public Optional<RunMode> runMode() {
        return RunMode.parse(mode);
    }

    /** The settings to fix, empty when the server may deploy. */
    public List<String> findings() {
        var mode = runMode();
        if (mode.isEmpty()) {
            return List.of(RunMode.KEY + " (RINGPROOF_MODE) is '" + this.mode + "': use development or production");
        }
        List<String> findings = new ArrayList<>();
        if (mode.get() == RunMode.PRODUCTION) {
            if (DEVELOPMENT_CODE_SECRET.equals(codeSecret)) {
                findings.add("verification.code-secret (VERIFICATION_CODE_SECRET) is the development value:"
                        + " set a random value of at least " + MIN_SECRET_LENGTH + " characters");
            } else if (codeSecret.length() < MIN_SECRET_LENGTH) {
                findings.add("verification.code-secret (VERIFICATION_CODE_SECRET) has " + codeSecret.length()
                        + " characters: set a random value of at least " + MIN_SECRET_LENGTH);
            }
            if (sandboxOpen) {
                findings.add("sandbox.open (SANDBOX_OPEN) is true: set it to false");
            }
        }
        return List.copyOf(findings);
    }
}
