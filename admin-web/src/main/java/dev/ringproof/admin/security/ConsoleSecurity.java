package dev.ringproof.admin.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Console sign-in: a Faces login form ({@link LoginBacking}) against the console users in
 * Ringproof's own database ({@link ConsoleIdentityStore}: PBKDF2 hashes, throttled per user
 * name and address, roles as groups; {@link SessionGuard} ends sessions the account no longer admits).
 * A custom form rather than j_security_check, so the session id is renewed at sign-in and the
 * form carries Faces' view state like every other POST. The way to the login page is a
 * forward that {@link PublicRedirects} turns into a redirect: the mechanism's own redirect
 * would be built from the request's Host header. After sign-in, {@link ConsoleSessionRestore}
 * tells the container the caller and roles on every request from the session, so a session that
 * moved to another instance of a deployment group keeps them.
 */
@FacesConfig
@DeclareRoles({"admin", "billing"})
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = true))
@ApplicationScoped
public class ConsoleSecurity {}
