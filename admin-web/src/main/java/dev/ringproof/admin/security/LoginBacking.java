package dev.ringproof.admin.security;

import dev.ringproof.user.boundary.SignIn;
import dev.ringproof.user.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;

/**
 * Signs in through Jakarta Security; the session gets a new id first, so a planted id is worth
 * nothing, and keeps the account's session version, which {@link SessionGuard} checks on every
 * request, and who signed in with which roles ({@link ConsoleCaller}), from which
 * {@link ConsoleSessionRestore} tells the container the caller on every request. A throttled
 * sign-in says for how long, with 429 and Retry-After, on the form itself.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    SignInAttempt attempt;

    private String username;
    private String password;

    public void signIn() {
        var request = (HttpServletRequest) faces.getExternalContext().getRequest();
        var response = (HttpServletResponse) faces.getExternalContext().getResponse();
        request.getSession();
        request.changeSessionId();
        var status = securityContext.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        var outcome = attempt.outcome();
        boolean accepted = outcome instanceof SignIn.Accepted;
        if (accepted && (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE)) {
            var signedIn = (SignIn.Accepted) outcome;
            var session = request.getSession();
            session.setAttribute(SessionGuard.SESSION_VERSION, signedIn.sessionVersion());
            session.setAttribute(
                    ConsoleCaller.ATTRIBUTE,
                    new ConsoleCaller(
                            signedIn.username(),
                            signedIn.roles().stream().map(Role::wireName).collect(Collectors.toSet())));
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SUCCESS) {
            boolean setPasswordFirst = accepted && ((SignIn.Accepted) outcome).mustChangePassword();
            faces.getApplication()
                    .getNavigationHandler()
                    .handleNavigation(
                            faces,
                            null,
                            (setPasswordFirst ? SessionGuard.ACCOUNT_PAGE : "/index.xhtml") + "?faces-redirect=true");
        } else if (outcome instanceof SignIn.Throttled throttled) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            "Too many failed sign-ins for this" + " user name or from your address. Try again in "
                                    + throttled.retryAfterSeconds() + " seconds.",
                            null));
        } else {
            faces.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, "The user name or password is not right.", null));
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
