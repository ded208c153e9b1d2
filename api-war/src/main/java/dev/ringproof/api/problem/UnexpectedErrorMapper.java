package dev.ringproof.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: anything unforeseen is logged with an incident id and answered with a
 * bare 500 problem that carries only that id, so nothing internal reaches the client. A
 * database that cannot be reached (restarting, connections broken) is not unforeseen: 503
 * {@code channel_unavailable} with {@code Retry-After}, logged in one line.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(Throwable e) {
        if (DatabaseOutage.causes(e)) {
            LOG.warning(() -> "Database unavailable, answered 503: " + e);
            return Problem.of(ErrorCode.CHANNEL_UNAVAILABLE, "The service is briefly unavailable; retry shortly.")
                    .toResponseBuilder()
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
        return Problem.of(ErrorCode.INTERNAL_ERROR, "Incident " + incident + " was logged.")
                .toResponse();
    }
}
