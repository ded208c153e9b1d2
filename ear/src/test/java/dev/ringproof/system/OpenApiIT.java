package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /openapi} documents every path of API.md that is built so far, with its methods. */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    /** Path (under /api) and the methods API.md gives it. */
    static final List<String[]> CONTRACT = List.of(
            new String[] {"/v1/verifications", "post"},
            new String[] {"/v1/verifications/{id}", "get"},
            new String[] {"/v1/verifications/{id}/check", "post"},
            new String[] {"/v1/verifications/{id}/cancel", "post"},
            new String[] {"/v1/verifications/{id}/next", "post"},
            new String[] {"/admin/v1/tenants", "post", "get"},
            new String[] {"/admin/v1/tenants/{id}", "get", "patch", "delete"},
            new String[] {"/admin/v1/tenants/{id}/api-keys", "post", "get"},
            new String[] {"/admin/v1/tenants/{id}/api-keys/{keyId}", "delete"},
            new String[] {"/admin/v1/pools", "post", "get"},
            new String[] {"/admin/v1/pools/{id}", "get", "patch", "delete"},
            new String[] {"/admin/v1/pools/{id}/numbers", "post", "get"},
            new String[] {"/admin/v1/pools/{id}/numbers/{e164}", "delete"},
            new String[] {"/admin/v1/prices", "post", "get"},
            new String[] {"/admin/v1/users", "post", "get"},
            new String[] {"/admin/v1/users/{username}", "patch", "delete"},
            new String[] {"/billing/v1/usage", "get"},
            new String[] {"/v1/usage", "get"},
            new String[] {"/admin/v1/rate-limits", "post", "get"},
            new String[] {"/admin/v1/rate-limits/{id}", "delete"},
            new String[] {"/admin/v1/blocks", "get"},
            new String[] {"/admin/v1/blocks/{id}", "delete"},
            new String[] {"/sandbox/v1/handsets/{phone}/inbox", "get"},
            new String[] {"/sandbox/v1/handsets/{phone}", "put"});

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void documentsEveryImplementedPathOfTheContract() {
        String yaml = new Http().get("openapi").body();

        assertThat(yaml).contains("url: http://localhost:8080/api");
        for (String[] entry : CONTRACT) {
            String block = pathBlock(yaml, entry[0]);
            assertThat(block).as("OpenAPI documents " + entry[0]).isNotNull();
            for (int i = 1; i < entry.length; i++) {
                assertThat(block).as(entry[0] + " " + entry[i]).containsPattern("(?m)^    " + entry[i] + ":");
            }
        }
    }

    /** The YAML under {@code paths: <path>:} up to the next path. */
    private static String pathBlock(String yaml, String path) {
        var matcher = Pattern.compile("(?ms)^  " + Pattern.quote(path) + ":\\n(.*?)(?=^  \\S|^\\S|\\z)").matcher(yaml);
        return matcher.find() ? matcher.group(1) : null;
    }
}
