package dev.ringproof.admin.account;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.security.SessionGuard;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.boundary.SignInThrottled;
import dev.ringproof.user.entity.SessionState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * account/index.xhtml: a signed-in user changes their own password, proving the current one.
 * Their other sessions end; this one goes on under the account's new session version.
 */
@Named
@RequestScoped
public class AccountBacking {

    private static final Map<String, String> FIELDS = Map.of("current_password", "account:current",
            "password", "account:password");

    @Inject
    ConsoleUsers users;

    @Inject
    ExternalContext externalContext;

    private String currentPassword;
    private String newPassword;
    private String repeatedPassword;

    public void changePassword() {
        var faces = FacesContext.getCurrentInstance();
        if (!newPassword.equals(repeatedPassword)) {
            faces.addMessage("account:repeat", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "The two new passwords differ.", null));
            faces.validationFailed();
            return;
        }
        var request = (HttpServletRequest) externalContext.getRequest();
        try {
            int version = users.changeOwnPassword(request.getRemoteUser(), currentPassword, newPassword,
                    request.getRemoteAddr());
            externalContext.getSessionMap().put(SessionGuard.SESSION_VERSION, version);
            RefusalMessages.info("Your password is changed. Your other sessions are signed out.");
        } catch (SignInThrottled throttled) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, throttled.getMessage(), null));
            faces.validationFailed();
        } catch (Refusal refusal) {
            RefusalMessages.show(refusal, FIELDS);
        }
    }

    public boolean isMustChangePassword() {
        return users.sessionState(externalContext.getRemoteUser()).map(SessionState::mustChangePassword).orElse(false);
    }

    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getRepeatedPassword() { return repeatedPassword; }
    public void setRepeatedPassword(String repeatedPassword) { this.repeatedPassword = repeatedPassword; }
}
