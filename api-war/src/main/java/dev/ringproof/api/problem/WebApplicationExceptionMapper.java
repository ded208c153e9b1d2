package dev.ringproof.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the JAX-RS runtime's own refusals (unknown path, wrong method, wrong content
 * type, unreadable body) into problem+json with the API's error codes (docs/api.md). The exception's
 * message is not passed on: it can name classes.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e.getResponse().hasEntity()) {
            return e.getResponse(); // already a problem made by us
        }
        int status = e.getResponse().getStatus();
        Response.ResponseBuilder builder =
                Problem.of(codeFor(status), detailFor(status)).toResponseBuilder();
        if (status == 405) {
            builder.allow(e.getResponse().getAllowedMethods());
        }
        return builder.build();
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.CHANNEL_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
        };
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This resource does not support that method.";
            case 415 -> "Send the body as application/json.";
            case 400 -> "The request body could not be read as the expected JSON.";
            default -> codeFor(status).title() + ".";
        };
    }
}
