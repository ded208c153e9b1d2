package dev.ringproof.admin.security;

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

/** Signs in through Jakarta Security; the session gets a new id first, so a planted id is worth nothing. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    private String username;
    private String password;

    public void signIn() {
        var request = (HttpServletRequest) faces.getExternalContext().getRequest();
        var response = (HttpServletResponse) faces.getExternalContext().getResponse();
        request.getSession();
        request.changeSessionId();
        var status = securityContext.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password))).newAuthentication(true));
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SUCCESS) {
            faces.getApplication().getNavigationHandler().handleNavigation(faces, null, "/index.xhtml?faces-redirect=true");
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "The user name or password is not right.", null));
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
