package dev.ringproof.api.sandbox;

import dev.ringproof.api.Times;
import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.AnyCaller;
import dev.ringproof.api.tenant.BearerKey;
import dev.ringproof.tenant.boundary.ApiKeys;
import dev.ringproof.tenant.boundary.TenantCaller;
import dev.ringproof.verification.boundary.SandboxHandsets;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The virtual carrier's handsets: what they received, and how they answer. Open while
 * {@code sandbox.open=true} (the embedded default); otherwise a tenant's {@code rp_test_}
 * key is needed, only that tenant's test traffic is shown, and a handset's settings made
 * with it hold for that tenant's test traffic only.
 */
@SecurityRequirement(name = "apiKey")
@AnyCaller
@Path("sandbox/v1/handsets/{phone}")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxResource {

    @EJB
    SandboxHandsets sandbox;

    @EJB
    ApiKeys apiKeys;

    /** Read at every request, so an operator can close the sandbox on a running server. */
    @Inject
    @ConfigProperty(name = "sandbox.open", defaultValue = "true")
    Provider<Boolean> open;

    public record InboxEntry(String type, String from, String text, String at) {

        static InboxEntry of(SandboxHandsets.Received m) {
            return new InboxEntry(m.type(), m.from(), m.text(), Times.rfc3339(m.at()));
        }
    }

    public record HandsetResponse(String phone, String calls, String sms, String voice) {

        static HandsetResponse of(SandboxHandsets.Behaviour b) {
            return new HandsetResponse(b.phone(), b.calls(), b.sms(), b.voice());
        }
    }

    @Tag(name = "sandbox")
    @Operation(operationId = "getHandsetInbox", summary = "What a simulated handset received")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "InboxEntryList")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Path("inbox")
    public List<InboxEntry> inbox(
            @PathParam("phone") String phone,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        var messages = testCaller(authorization)
                .map(caller -> sandbox.inboxOfTenantTests(phone, caller.tenantId()))
                .orElseGet(() -> sandbox.inbox(phone));
        return messages.stream().map(InboxEntry::of).toList();
    }

    @Tag(name = "sandbox")
    @Operation(operationId = "getHandset", summary = "How a simulated handset behaves")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Handset")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    public HandsetResponse behaviour(
            @PathParam("phone") String phone,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return HandsetResponse.of(sandbox.behaviour(phone, testTenant(authorization)));
    }

    @Tag(name = "sandbox")
    @Operation(operationId = "configureHandset", summary = "Make a simulated handset ring, fail or deliver")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "HandsetBehaviour")))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Handset")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public HandsetResponse configure(
            @PathParam("phone") String phone,
            JsonObject body,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String tenantId = testTenant(authorization);
        var fields = Fields.of(body, "calls", "sms", "voice");
        String calls = oneOf(fields, "calls", Set.of("ring", "answer", "unreachable"));
        String sms = oneOf(fields, "sms", Set.of("deliver", "fail"));
        String voice = oneOf(fields, "voice", Set.of("deliver", "fail"));
        fields.requireValid();
        return HandsetResponse.of(sandbox.configure(phone, tenantId, calls, sms, voice));
    }

    /** Null while the sandbox is open (everybody's handsets); otherwise the test-key caller's tenant, or 401. */
    private String testTenant(String authorization) {
        return testCaller(authorization).map(TenantCaller::tenantId).orElse(null);
    }

    /** Empty while the sandbox is open; otherwise the test-key caller, or 401. */
    private Optional<TenantCaller> testCaller(String authorization) {
        if (open.get()) {
            return Optional.empty();
        }
        var caller = BearerKey.parse(authorization)
                .filter(key -> key.mode().equals("test"))
                .flatMap(key -> apiKeys.authenticate(key.mode(), key.keyId(), key.secret()));
        if (caller.isEmpty()) {
            throw new NotAuthorizedException("Bearer realm=\"ringproof-sandbox\"");
        }
        return caller;
    }

    private static String oneOf(Fields fields, String name, Set<String> allowed) {
        String value = fields.optionalString(name, 16).orElse(null);
        if (value != null && !allowed.contains(value)) {
            fields.problem(
                    name,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return value;
    }
}
