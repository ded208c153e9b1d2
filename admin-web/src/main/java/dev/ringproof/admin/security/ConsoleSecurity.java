package dev.ringproof.admin.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Console sign-in: a form login against the console users in Ringproof's own database,
 * their passwords checked as PBKDF2 hashes, their roles as groups.
 */
@FacesConfig
@DeclareRoles({"admin", "billing"})
@FormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "/login.xhtml?failed=true"))
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/ringproof",
        callerQuery = "select password_hash from console_user where username = ? and enabled = true",
        groupsQuery = "select role from console_user_role where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@ApplicationScoped
public class ConsoleSecurity {
}
