package dev.ringproof.admin.user;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.ConsoleUser;
import dev.ringproof.user.entity.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** users/list.xhtml: console accounts; create with roles, disable (never the last active admin), enable. */
@Named
@RequestScoped
public class ListUsersBacking {

    @EJB
    ConsoleUsers users;

    private String username;
    private String password;
    private List<String> roles = new ArrayList<>();

    @ShowsRefusals({
        @Input(field = "username", id = "create:username"),
        @Input(field = "password", id = "create:password"),
        @Input(field = "roles", id = "create:roles")
    })
    public void create() {
        Set<Role> picked = roles.stream()
                .map(r -> Role.fromWireName(r).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        users.register(username, password, picked);
        RefusalMessages.info("Created " + username + ".");
        username = null;
    }

    @ShowsRefusals
    public void disable(String name) {
        users.disable(name);
        RefusalMessages.info("Disabled " + name + ": they cannot sign in any more.");
    }

    @ShowsRefusals
    public void enable(String name) {
        users.enable(name);
        RefusalMessages.info("Enabled " + name + ".");
    }

    public String rolesOf(ConsoleUser user) {
        return user.roles().stream().map(Role::wireName).sorted().collect(Collectors.joining(", "));
    }

    public List<ConsoleUser> getUsers() {
        return users.all();
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

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }
}
