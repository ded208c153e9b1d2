package dev.ringproof.admin.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** Signing out ends the session on the server, so its cookie no longer works. */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    ExternalContext externalContext;

    public String signOut() throws ServletException {
        var request = (HttpServletRequest) externalContext.getRequest();
        request.logout();
        externalContext.invalidateSession();
        return "/login.xhtml?faces-redirect=true";
    }
}
