package dev.ringproof.api.ratelimit;

import dev.ringproof.api.Times;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.ratelimit.boundary.FraudBlocks;
import dev.ringproof.ratelimit.entity.FraudBlock;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: {@code /api/admin/v1/blocks}, the prefixes the fraud guard blocked, and unblocking. */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/blocks")
@Produces(MediaType.APPLICATION_JSON)
public class BlocksResource {

    @EJB
    FraudBlocks blocks;

    /** {@code test}: found in test traffic, it stops test traffic only. */
    public record BlockResponse(
            String id, String prefix, boolean test, String reason, String detail, String createdAt, String expiresAt) {

        static BlockResponse of(FraudBlock b) {
            return new BlockResponse(
                    b.id(),
                    b.prefix(),
                    b.test(),
                    b.reason(),
                    b.detail(),
                    Times.rfc3339(b.createdAt()),
                    Times.rfc3339(b.expiresAt()));
        }
    }

    /** The blocks in force now. */
    @Tag(name = "admin")
    @Operation(operationId = "listBlocks", summary = "List active fraud blocks")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "BlockList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    public List<BlockResponse> active() {
        return blocks.active().stream().map(BlockResponse::of).toList();
    }

    @Tag(name = "admin")
    @Operation(operationId = "liftBlock", summary = "Lift a fraud block")
    @APIResponse(responseCode = "204", description = "Lifted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("{id}")
    public Response lift(@PathParam("id") String id) {
        blocks.lift(id);
        return Response.noContent().build();
    }
}
