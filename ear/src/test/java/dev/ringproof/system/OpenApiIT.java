package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /openapi} documents the API's fixed paths with their methods, and the API guide
 * (docs/api.md) describes exactly the operations {@code /openapi} serves.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    /** Path (under /api) and the methods that are part of the API's fixed contract (docs/api.md). */
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

    /**
     * Every operation of the served document, as {@code METHOD /api/path}, is a heading of the
     * guide ({@code ### METHOD /api/path}), and every such heading is an operation served: a new
     * or removed endpoint fails here until docs/api.md follows.
     */
    @Test
    void theApiGuideDescribesExactlyTheOperationsServed() throws IOException {
        Set<String> served = operations(new Http().get("openapi").body());
        Set<String> documented = guideOperations(Files.readString(API_GUIDE));

        assertThat(served).as("operations in /openapi").isNotEmpty();
        var missingFromGuide = new TreeSet<>(served);
        missingFromGuide.removeAll(documented);
        var notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        assertThat(missingFromGuide)
                .as("served by /openapi but without a heading in " + API_GUIDE)
                .isEmpty();
        assertThat(notServed)
                .as("headings of " + API_GUIDE + " that /openapi does not serve")
                .isEmpty();
    }

    /** The guide, from the ear module's directory (where failsafe runs). */
    static final Path API_GUIDE = Path.of("..", "docs", "api.md");

    private static final Pattern GUIDE_HEADING =
            Pattern.compile("(?m)^### (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/api/\\S*)[ \\t]*$");
    private static final Pattern YAML_PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern YAML_METHOD = Pattern.compile("^    (get|post|put|patch|delete|head|options):");

    /** {@code METHOD /api/path} for each operation under {@code paths:} (the server's url ends in /api). */
    static Set<String> operations(String yaml) {
        Set<String> found = new TreeSet<>();
        boolean inPaths = false;
        String path = null;
        for (String line : yaml.split("\\R")) {
            if (!line.startsWith(" ")) {
                inPaths = line.equals("paths:");
                path = null;
                continue;
            }
            if (!inPaths) {
                continue;
            }
            var pathLine = YAML_PATH.matcher(line);
            var methodLine = YAML_METHOD.matcher(line);
            if (pathLine.matches()) {
                path = pathLine.group(1);
            } else if (path != null && methodLine.find()) {
                found.add(methodLine.group(1).toUpperCase(Locale.ROOT) + " /api" + path);
            }
        }
        return found;
    }

    /** {@code METHOD /api/path} for each heading {@code ### METHOD /api/path} of the guide. */
    static Set<String> guideOperations(String markdown) {
        Set<String> found = new TreeSet<>();
        var heading = GUIDE_HEADING.matcher(markdown);
        while (heading.find()) {
            found.add(heading.group(1) + " " + heading.group(2));
        }
        return found;
    }

    /** The YAML under {@code paths: <path>:} up to the next path. */
    private static String pathBlock(String yaml, String path) {
        var matcher = Pattern.compile("(?ms)^  " + Pattern.quote(path) + ":\\n(.*?)(?=^  \\S|^\\S|\\z)")
                .matcher(yaml);
        return matcher.find() ? matcher.group(1) : null;
    }
}
