package dev.ringproof.admin.user;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.ConsoleUser;
import dev.ringproof.user.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** users/list.xhtml: console accounts; create with roles, disable (never the last active admin), enable. */
@Named
@RequestScoped
public class ListUsersBacking {

    private static final Map<String, String> FIELDS = Map.of("username", "create:username", "password", "create:password",
            "roles", "create:roles");

    @Inject
    ConsoleUsers users;

    private String username;
    private String password;
    private List<String> roles = new ArrayList<>();

    public void create() {
        try {
            Set<Role> picked = roles.stream().map(r -> Role.fromWireName(r).orElseThrow())
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
            users.register(username, password, picked);
            RefusalMessages.info("Created " + username + ".");
            username = null;
        } catch (Refusal refusal) {
            RefusalMessages.show(refusal, FIELDS);
        }
    }

    public void disable(String name) {
        act(() -> users.disable(name), "Disabled " + name + ": they cannot sign in any more.");
    }

    public void enable(String name) {
        act(() -> users.enable(name), "Enabled " + name + ".");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            RefusalMessages.info(done);
        } catch (Refusal refusal) {
            RefusalMessages.show(refusal, Map.of());
        }
    }

    public String rolesOf(ConsoleUser user) {
        return user.roles().stream().map(Role::wireName).sorted().collect(Collectors.joining(", "));
    }

    public List<ConsoleUser> getUsers() { return users.all(); }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
}
