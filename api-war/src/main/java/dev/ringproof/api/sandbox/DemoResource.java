package dev.ringproof.api.sandbox;

import dev.ringproof.api.security.AnyCaller;
import dev.ringproof.demo.boundary.DemoSetup;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the live demo page ({@code /demo/}) runs on: its tenant and publishable key, made on the
 * first call. Open like the sandbox's handsets, and only in development mode with the sandbox
 * open; elsewhere 404, as if it did not exist. (Documented with the sandbox's scheme, like its
 * handsets; it never looks at a key.)
 */
@SecurityRequirement(name = "apiKey")
@AnyCaller
@Path("sandbox/v1/demo")
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

    @EJB
    DemoSetup demo;

    public record DemoResponse(String tenantId, String publishableKey, String country) {}

    @Tag(name = "sandbox")
    @Operation(operationId = "getDemo", summary = "The live demo's tenant and publishable key (development mode only)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Demo")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    public Response demo() {
        var setup = demo.provision();
        return Response.ok(new DemoResponse(setup.tenantId(), setup.publishableKey(), setup.country()))
                .header("Cache-Control", "no-store")
                .build();
    }
}
