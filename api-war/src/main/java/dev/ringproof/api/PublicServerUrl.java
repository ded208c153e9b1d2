package dev.ringproof.api;

import dev.ringproof.platform.control.PublicUrl;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The one server of {@code /openapi}: the API on the configured public URL
 * ({@code ringproof.public-url}, e.g. {@code https://verify.example.com/api}), or the path
 * {@code /api} (relative to the document) when none is set, instead of every listener the
 * server has, which names hosts and ports clients never reach. Registered by
 * {@code mp.openapi.filter} (META-INF/microprofile-config.properties of this module).
 */
public class PublicServerUrl implements OASFilter {

    private final PublicUrl publicUrl;

    public PublicServerUrl() {
        this(PublicUrl.configured());
    }

    PublicServerUrl(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(
                List.of(OASFactory.createServer().url(publicUrl.base() + "/api").description("Ringproof API")));
    }
}
