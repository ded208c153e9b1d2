package dev.ringproof.admin.security;

import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.boundary.SignIn;
import dev.ringproof.user.entity.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;

/**
 * The console's users, checked by the same throttled sign-in as the admin API's HTTP Basic:
 * failures count per user name and address, a locked name is refused even with the right password.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    @EJB
    ConsoleUsers users;

    @Inject
    SignInAttempt attempt;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var outcome = users.signIn(password.getCaller(), password.getPasswordAsString(), request.getRemoteAddr());
        attempt.record(outcome);
        if (outcome instanceof SignIn.Accepted accepted) {
            return new CredentialValidationResult(
                    accepted.username(),
                    accepted.roles().stream().map(Role::wireName).collect(Collectors.toSet()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
