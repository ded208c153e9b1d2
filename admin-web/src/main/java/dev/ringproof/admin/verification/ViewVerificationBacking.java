package dev.ringproof.admin.verification;

import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.platform.control.PhoneNumbers;
import dev.ringproof.verification.boundary.VerificationHistory;
import dev.ringproof.verification.entity.Attempt;
import dev.ringproof.verification.entity.Verification;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * verifications/view.xhtml: one verification and its attempts. The console never has a caller
 * number or a code to show: only the CLI prefix is stored, and codes only as hashes.
 */
@Named
@RequestScoped
public class ViewVerificationBacking {

    @EJB
    VerificationHistory history;

    private String id;
    private Verification verification;

    @ShowsRefusals(notFound = true)
    public void load() {
        verification = history.find(id);
    }

    public Verification getVerification() {
        if (verification == null) {
            verification = history.find(id);
        }
        return verification;
    }

    public String getMaskedPhone() {
        return PhoneNumbers.mask(getVerification().phone());
    }

    /** What a person was told to expect, e.g. "+44207946XXXX"; other channels have no caller to show. */
    public String callerOf(Attempt attempt) {
        return attempt.cliPrefix() == null ? "" : attempt.cliPrefix() + "X".repeat(attempt.codeLength());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
