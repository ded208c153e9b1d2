package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * (docs/api.md) describes exactly the operations {@code /openapi} serves, and the document is one a
 * client generator can use: unique operation ids, a tag and security on every operation, a
 * schema for every JSON body, and real answers that fit their schemas.
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
        Set<String> documented = guideOperations(guides());

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

    /** Audiences (tags) and whether their operations need credentials. */
    static final Map<String, Boolean> TAGS = Map.of(
            "tenant", true, "sandbox", true, "admin", true, "billing", true, "carrier", false, "compat-vonage", true);

    /** The document as JSON, which the server serves as application/json when asked for it. */
    static JsonObject document() {
        var answer = new Http().send("GET", "openapi", null, null, "Accept", "application/json");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return Http.json(answer);
    }

    /** {@code METHOD path} and the operation, for every operation of the document. */
    static Map<String, JsonObject> operationsOf(JsonObject document) {
        Map<String, JsonObject> found = new HashMap<>();
        document.getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
                    if (op.getValueType() == JsonValue.ValueType.OBJECT
                            && YAML_METHOD.matcher("    " + method + ":").find()) {
                        found.put(method.toUpperCase(Locale.ROOT) + " " + path, op.asJsonObject());
                    }
                }));
        return found;
    }

    @Test
    void everyOperationHasItsOwnIdAnAudienceAndItsCredentials() {
        var document = document();
        var schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertThat(schemes.getJsonObject("apiKey").getString("scheme")).isEqualTo("bearer");
        assertThat(schemes.getJsonObject("basic").getString("scheme")).isEqualTo("basic");
        var operations = operationsOf(document);
        assertThat(operations).hasSizeGreaterThan(40);
        Map<String, String> ids = new HashMap<>();
        operations.forEach((name, op) -> {
            String id = op.getString("operationId", "");
            assertThat(id).as(name + " operationId").matches("[a-z][A-Za-z]+");
            assertThat(ids.put(id, name))
                    .as("operationId " + id + " of " + name)
                    .isNull();
            var tags = op.getJsonArray("tags");
            assertThat(tags).as(name + " tags").isNotNull().hasSize(1);
            String tag = tags.getString(0);
            assertThat(TAGS).as(name + " tag").containsKey(tag);
            var security = op.getJsonArray("security");
            if (TAGS.get(tag)) {
                assertThat(security).as(name + " security").isNotNull().isNotEmpty();
                security.forEach(requirement -> assertThat(schemes.keySet())
                        .as(name + " security scheme")
                        .containsAll(requirement.asJsonObject().keySet()));
            } else {
                assertThat(security == null || security.isEmpty())
                        .as(name + " needs no credentials")
                        .isTrue();
            }
        });
        assertThat(ids.keySet()).contains("startVerification", "checkVerification", "listTenants", "issueApiKey");
    }

    @Test
    void everyJsonBodySentHasASchemaWithItsFields() {
        var document = document();
        var bodies = new ArrayList<String>();
        operationsOf(document).forEach((name, op) -> {
            var body = op.getJsonObject("requestBody");
            if (body == null) {
                return;
            }
            body.getJsonObject("content").forEach((media, content) -> {
                if (!media.contains("json")) {
                    return;
                }
                var schema = resolve(document, content.asJsonObject().getJsonObject("schema"));
                assertThat(schema).as(name + " " + media + " schema").isNotNull();
                assertThat(schema.getJsonObject("properties"))
                        .as(name + " " + media + " fields")
                        .isNotNull()
                        .isNotEmpty();
                bodies.add(name);
            });
        });
        assertThat(bodies).contains("POST /v1/verifications", "POST /v1/verifications/{id}/check");
    }

    @Test
    void errorsAreProblemsWithTheirCodes() {
        var schemas = document().getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("Problem").getJsonArray("required"))
                .extracting(v -> ((JsonString) v).getString())
                .contains("type", "title", "status", "code");
        assertThat(schemas.getJsonObject("ErrorCode").getJsonArray("enum"))
                .extracting(v -> ((JsonString) v).getString())
                .contains("invalid_request", "invalid_phone", "verification_closed", "rate_limited");
    }

    /** Answers of the real server fit the schemas the document gives for them. */
    @Test
    void realAnswersFitTheirSchemas() {
        var document = document();
        var ringproof = new Ringproof();
        var admin = Http.basic(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
        var created = admin.postJson("api/admin/v1/tenants", "{\"name\":\"OpenAPI\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        fits(document, "Tenant", Http.json(created));
        String tenantId = Http.json(created).getString("id");
        var key = admin.postJson("api/admin/v1/tenants/" + tenantId + "/api-keys", "{\"mode\":\"live\"}");
        assertThat(key.statusCode()).isEqualTo(201);
        fits(document, "ApiKey", Http.json(key));
        fits(document, "Pool", ringproof.londonPool());
        var tenant = Http.bearer(Http.json(key).getString("key"));

        var started = tenant.postJson("api/v1/verifications", "{\"phone\":\"" + Ringproof.mobile() + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        fits(document, "Verification", Http.json(started));
        var invalid = tenant.postJson("api/v1/verifications", "{\"phone\":\"12\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        fits(document, "Problem", Http.json(invalid));
        var missing = tenant.postJson("api/v1/verifications", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        fits(document, "Problem", Http.json(missing));
    }

    /**
     * {@code value} fits the component schema {@code name}: its required members are there, it has
     * no member the schema does not declare, and each member has the declared type and enum.
     */
    static void fits(JsonObject document, String name, JsonValue value) {
        fits(
                document,
                name,
                document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name),
                value);
    }

    private static void fits(JsonObject document, String where, JsonObject schema, JsonValue value) {
        schema = resolve(document, schema);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            assertThat(schema.getBoolean("nullable", false))
                    .as(where + " may be null")
                    .isTrue();
            return;
        }
        String type = schema.getString("type", "object");
        switch (type) {
            case "object" -> {
                assertThat(value.getValueType()).as(where).isEqualTo(JsonValue.ValueType.OBJECT);
                var object = value.asJsonObject();
                var required = schema.getJsonArray("required");
                if (required != null) {
                    required.forEach(member ->
                            assertThat(object).as(where + " requires").containsKey(((JsonString) member).getString()));
                }
                var properties = schema.getJsonObject("properties");
                if (properties != null) {
                    object.forEach((member, memberValue) -> {
                        assertThat(properties).as(where + " declares").containsKey(member);
                        fits(document, where + "." + member, properties.getJsonObject(member), memberValue);
                    });
                }
            }
            case "array" -> {
                assertThat(value.getValueType()).as(where).isEqualTo(JsonValue.ValueType.ARRAY);
                for (JsonValue item : (JsonArray) value) {
                    fits(document, where + "[]", schema.getJsonObject("items"), item);
                }
            }
            case "string" -> {
                assertThat(value.getValueType()).as(where).isEqualTo(JsonValue.ValueType.STRING);
                var allowed = schema.getJsonArray("enum");
                if (allowed != null) {
                    assertThat(allowed).as(where + " enum").contains(value);
                }
            }
            case "integer" -> assertThat(value.getValueType()).as(where).isEqualTo(JsonValue.ValueType.NUMBER);
            case "boolean" ->
                assertThat(value.getValueType()).as(where).isIn(JsonValue.ValueType.TRUE, JsonValue.ValueType.FALSE);
            default -> throw new AssertionError(where + ": unexpected schema type " + type);
        }
    }

    /** The schema itself, or the component its {@code $ref} names. */
    static JsonObject resolve(JsonObject document, JsonObject schema) {
        if (schema == null || !schema.containsKey("$ref")) {
            return schema;
        }
        String ref = schema.getString("$ref");
        assertThat(ref).startsWith("#/components/schemas/");
        return document.getJsonObject("components")
                .getJsonObject("schemas")
                .getJsonObject(ref.substring("#/components/schemas/".length()));
    }

    /** The guide, from the ear module's directory (where failsafe runs). */
    static final Path API_GUIDE = Path.of("..", "docs", "api.md");

    /** The guide and the compatibility doors' guides ({@code docs/compatibility-<vendor>.md}). */
    static String guides() throws IOException {
        var text = new StringBuilder(Files.readString(API_GUIDE));
        try (var docs = Files.newDirectoryStream(API_GUIDE.getParent(), "compatibility-*.md")) {
            for (Path guide : docs) {
                text.append('\n').append(Files.readString(guide));
            }
        }
        return text.toString();
    }

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
