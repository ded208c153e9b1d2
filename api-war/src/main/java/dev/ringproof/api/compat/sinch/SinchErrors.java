package dev.ringproof.api.compat.sinch;

import dev.ringproof.api.compat.VendorErrors;
import dev.ringproof.api.problem.Problem;
import dev.ringproof.platform.control.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Errors in Sinch's shape: {@code {"errorCode":40001,"message":"…","reference":"…"}}, with
 * Sinch's status codes. The reference is logged with Ringproof's own code, so support can
 * tell from it what happened; the message is the problem's detail, written for the client.
 */
@ApplicationScoped
public class SinchErrors implements VendorErrors {

    static final String APPLICATION_SCHEME =
            "The signed Application scheme is not served here: send HTTP Basic with the account SID and a whole api key.";

    private static final Logger LOG = Logger.getLogger(SinchErrors.class.getName());

    @Override
    public String door() {
        return SinchRequests.DOOR;
    }

    @Override
    public void reshape(Problem problem, ContainerRequestContext request, ContainerResponseContext response) {
        int status = status(problem);
        int errorCode = errorCode(problem, status);
        String reference = Ids.randomToken();
        LOG.info(() -> "Sinch door answered " + status + " " + errorCode + " (" + problem.code() + "), reference "
                + reference);
        response.setStatus(status);
        response.setEntity(
                Json.createObjectBuilder()
                        .add("errorCode", errorCode)
                        .add("message", signedWithApplication(problem, request) ? APPLICATION_SCHEME : message(problem))
                        .add("reference", reference)
                        .build(),
                response.getEntityAnnotations(),
                MediaType.APPLICATION_JSON_TYPE);
    }

    /** Sinch answers a request it cannot serve, whatever Ringproof's reason, with 400, 401, 403, 404, 429 or 5xx. */
    static int status(Problem problem) {
        return switch (problem.code()) {
            case "invalid_phone", "unsupported_number_type", "invalid_request", "idempotency_key_reused" -> 400;
            default -> problem.status();
        };
    }

    /** Sinch's code: its HTTP status times 100, 40001 for a parameter that fails validation. */
    static int errorCode(Problem problem, int status) {
        return switch (problem.code()) {
            case "invalid_request", "invalid_phone" -> 40001;
            case "unsupported_number_type" -> 40003;
            default -> status * 100;
        };
    }

    /**
     * Sinch's signed scheme needs the api key in clear to check the HMAC, and Ringproof keeps
     * only its hash: the door says so rather than "wrong key".
     */
    private static boolean signedWithApplication(Problem problem, ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return problem.status() == 401
                && authorization != null
                && authorization.regionMatches(true, 0, "Application ", 0, "Application ".length());
    }

    private static String message(Problem problem) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return problem.detail() == null ? problem.title() : problem.detail();
        }
        return "Invalid parameter: "
                + problem.errors().stream()
                        .map(e -> e.field() + " " + e.message())
                        .collect(Collectors.joining("; "));
    }
}
