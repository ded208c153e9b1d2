package dev.ringproof.api.problem;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.ratelimit.boundary.RateLimitExceeded;
import dev.ringproof.user.boundary.SignInThrottled;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A domain refusal becomes the problem+json of its error code. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Override
    public Response toResponse(Refusal refusal) {
        return toResponseOf(refusal);
    }

    /** The problem response; a rate-limit refusal adds Retry-After and the IETF RateLimit headers, a throttled sign-in Retry-After. */
    public static Response toResponseOf(Refusal refusal) {
        var builder = toProblem(refusal).toResponseBuilder();
        if (refusal instanceof RateLimitExceeded exceeded) {
            String name = "\"" + exceeded.policyId() + "\"";
            builder.header("Retry-After", exceeded.retryAfterSeconds())
                    .header("RateLimit-Policy", name + ";q=" + exceeded.limit() + ";w=" + exceeded.windowSeconds())
                    .header("RateLimit", name + ";r=0;t=" + exceeded.retryAfterSeconds());
        } else if (refusal instanceof SignInThrottled throttled) {
            builder.header("Retry-After", throttled.retryAfterSeconds());
        }
        return builder.build();
    }

    public static Problem toProblem(Refusal refusal) {
        var code = ErrorCode.valueOf(refusal.reason().name());
        if (!refusal.fieldProblems().isEmpty()) {
            return Problem.invalid(refusal.fieldProblems().stream()
                    .map(p -> new Problem.FieldError(p.field(), p.message()))
                    .toList());
        }
        return Problem.of(code, refusal.getMessage());
    }

    /** Refusals that crossed an EJB boundary wrapped (they should not, but never leak one as a 500). */
    @Provider
    public static class Unwrapping implements ExceptionMapper<EJBException> {

        private final UnexpectedErrorMapper unexpected = new UnexpectedErrorMapper();

        @Override
        public Response toResponse(EJBException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Refusal refusal) {
                    return toResponseOf(refusal);
                }
            }
            return unexpected.toResponse(e);
        }
    }
}
