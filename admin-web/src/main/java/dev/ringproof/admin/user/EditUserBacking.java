package dev.ringproof.admin.user;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.ConsoleUser;
import dev.ringproof.user.entity.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * users/edit.xhtml?username=: an admin sets another user's password and roles, through the
 * same boundary as {@code PATCH /api/admin/v1/users/{username}}; either change signs that
 * user's sessions out. One's own password is changed on My account, with the current one.
 */
@Named
@RequestScoped
public class EditUserBacking {

    @EJB
    ConsoleUsers users;

    @Inject
    ExternalContext externalContext;

    private String username;
    private ConsoleUser user;
    private String password;
    private String repeatedPassword;
    private List<String> roles = new ArrayList<>();

    /** On the first GET only: later postbacks carry the form's own values. */
    @ShowsRefusals(notFound = true)
    public void load() {
        user = users.find(username);
        roles = user.roles().stream().map(Role::wireName).sorted().collect(Collectors.toCollection(ArrayList::new));
    }

    @ShowsRefusals({
        @Input(field = "password", id = "user:password"),
        @Input(field = "roles", id = "user:roles"),
        @Input(field = "repeated_password", id = "user:repeat")
    })
    public void save() {
        String newPassword = password == null || password.isEmpty() ? null : password;
        if (newPassword != null && !newPassword.equals(repeatedPassword)) {
            throw Refusal.invalid("repeated_password", "the two new passwords differ.");
        }
        Set<Role> picked = roles.stream()
                .map(r -> Role.fromWireName(r).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        boolean rolesChanged = !picked.equals(getUser().roles());
        if (newPassword == null && !rolesChanged) {
            RefusalMessages.info("Nothing to change.");
            return;
        }
        user = users.change(username, newPassword, picked);
        RefusalMessages.info((newPassword != null ? "Set a new password for " : "Changed the roles of ") + username
                + (newPassword != null && rolesChanged ? " and changed their roles" : "")
                + ". Their open sessions are signed out.");
        password = null;
        repeatedPassword = null;
    }

    /** Whether the page shows the signed-in admin's own account (changed on My account instead). */
    public boolean isOwnAccount() {
        return username != null && username.equals(externalContext.getRemoteUser());
    }

    public ConsoleUser getUser() {
        if (user == null) {
            user = users.find(username);
        }
        return user;
    }

    public String rolesOf(ConsoleUser account) {
        return account.roles().stream().map(Role::wireName).sorted().collect(Collectors.joining(", "));
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

    public String getRepeatedPassword() {
        return repeatedPassword;
    }

    public void setRepeatedPassword(String repeatedPassword) {
        this.repeatedPassword = repeatedPassword;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }
}
