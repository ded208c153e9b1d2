package dev.ringproof.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The HTTP API under the context root {@code /api}: tenant ({@code /v1}), admin, billing and sandbox. */
@ApplicationPath("")
public class RingproofApi extends Application {
}
