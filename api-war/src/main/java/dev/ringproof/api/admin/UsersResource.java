package dev.ringproof.api.admin;

import dev.ringproof.api.Times;
import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.ConsoleUser;
import dev.ringproof.user.entity.Role;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API: {@code /api/admin/v1/users}. Passwords go in, never out. A new password, new
 * roles or disabling end that user's console sessions at their next request.
 */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @EJB
    ConsoleUsers users;

    /** A user as the API shows it: no password, not even its hash. */
    public record UserResponse(String username, List<String> roles, boolean enabled, String createdAt) {

        static UserResponse of(ConsoleUser user) {
            return new UserResponse(
                    user.username(),
                    user.roles().stream().sorted().map(Role::wireName).toList(),
                    user.isEnabled(),
                    Times.rfc3339(user.createdAt()));
        }
    }

    @Tag(name = "admin")
    @Operation(operationId = "createUser", summary = "Create an admin or billing user")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "UserRequest")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "User")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        var fields = Fields.of(body, "username", "password", "roles");
        String username = fields.requiredString("username", 64);
        String password = fields.requiredString("password", 1024);
        Set<Role> roles = roles(fields);
        if (!fields.has("roles")) {
            fields.problem("roles", "is required");
        }
        fields.requireValid();
        var user = users.register(username, password, roles);
        return Response.created(URI.create("/api/admin/v1/users/" + user.username()))
                .entity(UserResponse.of(user))
                .build();
    }

    @Tag(name = "admin")
    @Operation(operationId = "listUsers", summary = "List users")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "UserList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    public List<UserResponse> list() {
        return users.all().stream().map(UserResponse::of).toList();
    }

    /** {@code {"password"}} and/or {@code {"roles"}}; members left out stay as they are. */
    @Tag(name = "admin")
    @Operation(operationId = "updateUser", summary = "Change a user's password or roles")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = "application/json", schema = @Schema(ref = "UserRequest")),
                @Content(mediaType = "application/merge-patch+json", schema = @Schema(ref = "UserRequest"))
            })
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "User")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @PATCH
    @Path("{username}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public UserResponse change(@PathParam("username") String username, JsonObject body) {
        var fields = Fields.of(body, "password", "roles");
        String password = fields.optionalString("password", 1024).orElse(null);
        Set<Role> roles = fields.has("roles") ? roles(fields) : null;
        fields.requireValid();
        return UserResponse.of(users.change(username, password, roles));
    }

    /** Disables the account (it stays listed; the last active admin cannot be disabled). */
    @Tag(name = "admin")
    @Operation(operationId = "disableUser", summary = "Disable a user")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "User")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @DELETE
    @Path("{username}")
    public UserResponse disable(@PathParam("username") String username) {
        return UserResponse.of(users.disable(username));
    }

    private static Set<Role> roles(Fields fields) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : fields.optionalStringList("roles", 2, 16).orElse(List.of())) {
            Role.fromWireName(name)
                    .ifPresentOrElse(roles::add, () -> fields.problem("roles", "holds admin and/or billing"));
        }
        return roles;
    }
}
