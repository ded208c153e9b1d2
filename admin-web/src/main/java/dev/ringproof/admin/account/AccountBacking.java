package dev.ringproof.admin.account;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.admin.security.SessionGuard;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.SessionState;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * account/index.xhtml: a signed-in user changes their own password, proving the current one.
 * Their other sessions end; this one goes on under the account's new session version.
 */
@Named
@RequestScoped
public class AccountBacking {

    @EJB
    ConsoleUsers users;

    @Inject
    ExternalContext externalContext;

    private String currentPassword;
    private String newPassword;
    private String repeatedPassword;

    /** After too many wrong current passwords it is refused as a sign-in would be: a refusal without a field. */
    @ShowsRefusals({
        @Input(field = "current_password", id = "account:current"),
        @Input(field = "password", id = "account:password"),
        @Input(field = "repeated_password", id = "account:repeat")
    })
    public void changePassword() {
        if (!newPassword.equals(repeatedPassword)) {
            throw Refusal.invalid("repeated_password", "the two new passwords differ.");
        }
        var request = (HttpServletRequest) externalContext.getRequest();
        int version =
                users.changeOwnPassword(request.getRemoteUser(), currentPassword, newPassword, request.getRemoteAddr());
        externalContext.getSessionMap().put(SessionGuard.SESSION_VERSION, version);
        RefusalMessages.info("Your password is changed. Your other sessions are signed out.");
    }

    public boolean isMustChangePassword() {
        return users.sessionState(externalContext.getRemoteUser())
                .map(SessionState::mustChangePassword)
                .orElse(false);
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatedPassword() {
        return repeatedPassword;
    }

    public void setRepeatedPassword(String repeatedPassword) {
        this.repeatedPassword = repeatedPassword;
    }
}
