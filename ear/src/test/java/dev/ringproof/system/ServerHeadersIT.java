package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a scanner learns of the server from the outside: no product name or version in any
 * header or body, on every context (Ringproof's /, /api, /admin and the server's /health,
 * /metrics, /openapi), for pages, redirects, 404s and 405s alike; Ringproof's own page at /.
 * The system tests' server is hardened by bin/harden-payara --web-only (HardenedServer).
 */
@ExtendWith(ArquillianExtension.class)
class ServerHeadersIT {

    private static final String HOST = Http.BASE.getAuthority();
    private static final Pattern REVEALING = Pattern.compile(
            "payara|glassfish|grizzly|badassfish|" + Pattern.quote(System.getProperty("payara.version", "6.2025")),
            Pattern.CASE_INSENSITIVE);

    /** Method and target of every request scanned: each context's pages, its 404 and a 405. */
    private static final List<String[]> REQUESTS = List.of(
            new String[] {"GET", "/"},
            new String[] {"GET", "/nonexistent"},
            new String[] {"GET", "/nonexistent/deeper.html"},
            new String[] {"TRACE", "/"},
            new String[] {"DELETE", "/"},
            new String[] {"GET", "/api/v1/verifications"},
            new String[] {"GET", "/api/nonexistent"},
            new String[] {"DELETE", "/api/v1/verifications"},
            new String[] {"TRACE", "/api/v1/verifications"},
            new String[] {"GET", "/api"},
            new String[] {"GET", "/admin"},
            new String[] {"GET", "/admin/"},
            new String[] {"GET", "/admin/login.xhtml"},
            new String[] {"GET", "/admin/resources/nonexistent.css"},
            new String[] {"GET", "/admin/nonexistent.xhtml"},
            new String[] {"TRACE", "/admin/login.xhtml"},
            new String[] {"GET", "/health/ready"},
            new String[] {"GET", "/health/nonexistent"},
            new String[] {"DELETE", "/health/ready"},
            new String[] {"GET", "/metrics"},
            new String[] {"GET", "/metrics/nonexistent"},
            new String[] {"GET", "/openapi"},
            new String[] {"GET", "/openapi/nonexistent"},
            new String[] {"DELETE", "/openapi"},
            new String[] {"GET", "/openapi-ui/"},
            new String[] {"GET", "/openapi-ui/reference.js"});

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void noHeaderOrBodyNamesTheServerOrItsVersion() {
        var soft = new SoftAssertions();
        for (String[] request : REQUESTS) {
            var answer = RawHttp.exchange(request[0], request[1], HOST, null);
            String what = request[0] + " " + request[1] + " -> " + answer.status();
            soft.assertThat(answer.headers("X-Powered-By"))
                    .as(what + ": X-Powered-By")
                    .isEmpty();
            soft.assertThat(answer.headers("Server"))
                    .as(what + ": Server")
                    .allSatisfy(server ->
                            assertThat(server).doesNotContainPattern("\\d").doesNotContainPattern(REVEALING));
            soft.assertThat(String.join("\n", answer.headerLines()))
                    .as(what + ": headers")
                    .doesNotContainPattern(REVEALING);
            soft.assertThat(answer.body()).as(what + ": body").doesNotContainPattern(REVEALING);
        }
        soft.assertAll();
    }

    @Test
    void theRootIsRingproofsOwnPage() {
        var root = RawHttp.get("/", HOST);

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).contains("<title>Ringproof</title>").contains("href=\"/admin/\"");
    }

    @Test
    void anUnknownPathIsRingproofsOwnNotFoundPage() {
        for (String path : List.of("/nonexistent", "/nonexistent/deeper.html", "/index.jsp", "/API/v1/verifications")) {
            var page = RawHttp.get(path, HOST, "Accept: text/html,application/xhtml+xml");
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Ringproof").contains("There is no such page.");

            var problem = RawHttp.get(path, HOST, "Accept: application/json");
            assertThat(problem.status()).as(path).isEqualTo(404);
            assertThat(problem.header("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(problem.body()).as(path).contains("\"code\":\"not_found\"");
        }
    }

    /** Found by bench/fuzz: PATCH on a path outside the API was the default servlet's 501, a 5xx for a client's mistake. */
    @Test
    void aMethodNoPathHereOffersIsA405Problem() {
        for (String method : List.of("PATCH", "PROPFIND", "FROB")) {
            for (String path : List.of("/nonexistent", "/API/admin/v1/tenants/tn_1")) {
                var problem = RawHttp.exchange(method, path, HOST, null, "Accept: application/json");
                assertThat(problem.status()).as(method + " " + path).isEqualTo(405);
                assertThat(problem.header("Content-Type"))
                        .as(method + " " + path)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(problem.body()).as(method + " " + path).contains("\"code\":\"method_not_allowed\"");
            }
        }
    }
}
