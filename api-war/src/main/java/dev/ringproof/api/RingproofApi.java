package dev.ringproof.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The HTTP API under the context root {@code /api}: tenant ({@code /v1}), admin, billing and sandbox. */
@ApplicationPath("")
public class RingproofApi extends Application {

    /**
     * A {@code Location} stays the path a resource gives (docs/api.md) instead of Jersey making it
     * absolute with the request's Host header; {@link PublicLocation} adds the public URL if set.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
