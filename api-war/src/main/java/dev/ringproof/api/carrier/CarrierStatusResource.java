package dev.ringproof.api.carrier;

import dev.ringproof.api.security.AnyCaller;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.verification.boundary.CarrierStatuses;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Carrier status callbacks: {@code POST /api/carrier/v1/status/{provider}}, form-encoded the
 * Twilio way, signed with the account's auth token in {@code X-Twilio-Signature}. No api key:
 * the signature is the authentication.
 */
@AnyCaller
@Path("carrier/v1/status/{provider}")
public class CarrierStatusResource {

    private static final int MAX_PARAMS = 64;

    @EJB
    CarrierStatuses statuses;

    @Tag(name = "carrier")
    @Operation(operationId = "reportCarrierStatus", summary = "A carrier's delivery report")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(
            @PathParam("provider") String provider,
            @HeaderParam("X-Twilio-Signature") String signature,
            MultivaluedMap<String, String> form) {
        if (!provider.matches("[a-z0-9_-]{1,32}") || form.size() > MAX_PARAMS) {
            throw Refusal.notFound("carrier");
        }
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        statuses.report(provider, signature, params);
        return Response.noContent().build();
    }
}
