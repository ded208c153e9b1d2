package dev.ringproof.api.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail with the API's extra members {@code code} and, for
 * validation errors, {@code errors}. Details are written for the client: never a stack
 * trace, SQL or class name.
 */
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {}

    public static Problem of(ErrorCode code, String detail) {
        return new Problem("about:blank", code.title(), code.status(), detail, code.wireName(), null);
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(
                "about:blank",
                ErrorCode.INVALID_REQUEST.title(),
                400,
                "See errors for what to correct.",
                ErrorCode.INVALID_REQUEST.wireName(),
                List.copyOf(errors));
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }
}
