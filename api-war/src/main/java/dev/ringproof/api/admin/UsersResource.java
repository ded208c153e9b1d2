package dev.ringproof.api.admin;

import dev.ringproof.api.Times;
import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.ConsoleUser;
import dev.ringproof.user.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Admin API: {@code /api/admin/v1/users}. Passwords go in, never out. */
@RolesAllowed(ApiRoles.ADMIN)
@Path("admin/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    ConsoleUsers users;

    /** A user as the API shows it: no password, not even its hash. */
    public record UserResponse(String username, List<String> roles, boolean enabled, String createdAt) {

        static UserResponse of(ConsoleUser user) {
            return new UserResponse(user.username(), user.roles().stream().sorted().map(Role::wireName).toList(),
                    user.isEnabled(), Times.rfc3339(user.createdAt()));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        var fields = Fields.of(body, "username", "password", "roles");
        String username = fields.requiredString("username", 64);
        String password = fields.requiredString("password", 1024);
        var roleNames = fields.optionalStringList("roles", 2, 16).orElse(List.of());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames) {
            Role.fromWireName(name).ifPresentOrElse(roles::add,
                    () -> fields.problem("roles", "holds admin and/or billing"));
        }
        if (!fields.has("roles")) {
            fields.problem("roles", "is required");
        }
        fields.requireValid();
        var user = users.register(username, password, roles);
        return Response.created(URI.create("/api/admin/v1/users/" + user.username()))
                .entity(UserResponse.of(user)).build();
    }

    @GET
    public List<UserResponse> list() {
        return users.all().stream().map(UserResponse::of).toList();
    }
}
