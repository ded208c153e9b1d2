package dev.ringproof.api;

import dev.ringproof.api.json.JsonBodyReader;
import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Bodies over 64 KiB are refused with 413, by their Content-Length or, when streamed, as they arrive. */
@Provider
@PreMatching
@Priority(100)
public class BodySizeLimit implements ContainerRequestFilter {

    static final long MAX = JsonBodyReader.MAX_BODY_BYTES;

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX) {
                    request.abortWith(tooLarge().getResponse());
                    return;
                }
            } catch (NumberFormatException e) {
                // the container rejects a malformed Content-Length itself
            }
        }
        request.setEntityStream(new Limited(request.getEntityStream()));
    }

    private static WebApplicationException tooLarge() {
        return new WebApplicationException(
                Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, "Request bodies may be at most 64 KiB.")
                        .toResponse());
    }

    private static final class Limited extends FilterInputStream {

        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX) {
                throw tooLarge();
            }
        }
    }
}
