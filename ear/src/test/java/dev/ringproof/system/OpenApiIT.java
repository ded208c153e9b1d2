package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
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
import org.assertj.core.api.SoftAssertions;
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

        assertThat(yaml).contains("url: /api");
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
            "tenant", true,
            "sandbox", true,
            "admin", true,
            "billing", true,
            "carrier", false,
            "compat-twilio", true,
            "compat-sinch", true,
            "compat-vonage", true);

    /** The document as JSON, which the server serves as application/json when asked for it. */
    static JsonObject document() {
        return ServedDocument.fetch().json();
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

    /**
     * The Java client is generated (ear/pom.xml) from {@link ServedDocument#CLIENT_COPY}; it is the
     * served document only if the two are the same. When they differ, the served one is in
     * {@link ServedDocument#SERVED_COPY}: copy it over the client's copy (docs/api.md).
     */
    @Test
    void theGeneratedClientsDocumentIsTheServedOne() {
        var served = ServedDocument.fetch();
        var copy = ServedDocument.clientCopy();
        if (!served.json().equals(copy)) {
            var written = served.writeServedCopy();
            var differing = new TreeSet<String>();
            served.json().forEach((member, value) -> {
                if (!value.equals(copy.get(member))) {
                    differing.add(member + differingKeys(value, copy.get(member)));
                }
            });
            copy.keySet().stream().filter(m -> !served.json().containsKey(m)).forEach(differing::add);
            throw new AssertionError("/openapi differs from " + ServedDocument.CLIENT_COPY + " in " + differing
                    + "; the served document is in " + written.toAbsolutePath() + ": copy it over the client's copy");
        }
    }

    private static String differingKeys(JsonValue served, JsonValue copy) {
        if (served.getValueType() != JsonValue.ValueType.OBJECT
                || copy == null
                || copy.getValueType() != JsonValue.ValueType.OBJECT) {
            return "";
        }
        var keys = new TreeSet<String>();
        served.asJsonObject().forEach((key, value) -> {
            if (!value.equals(copy.asJsonObject().get(key))) {
                keys.add(key);
            }
        });
        copy.asJsonObject().keySet().stream()
                .filter(k -> !served.asJsonObject().containsKey(k))
                .forEach(keys::add);
        return keys.toString();
    }

    /** Its one server is the relative /api: the API beside the document, never a listener's host name. */
    @Test
    void theServerIsTheApiBesideTheDocument() {
        var servers = document().getJsonArray("servers");
        assertThat(servers).hasSize(1);
        assertThat(servers.getJsonObject(0).getString("url")).isEqualTo("/api");
    }

    /**
     * What Payara's {@code /openapi} answers, which Ringproof cannot change: YAML labelled
     * text/plain by default, JSON for {@code Accept: application/json} or {@code ?format=JSON},
     * and 406 for the YAML media types.
     */
    @Test
    void servesYamlByDefaultAndJsonWhenAsked() {
        var yaml = new Http().get("openapi");
        assertThat(yaml.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(yaml.body()).startsWith("openapi: 3.0.3");
        var json = new Http().get("openapi?format=JSON");
        assertThat(json.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(Http.json(json).getString("openapi")).isEqualTo("3.0.3");
        var asYaml = new Http().send("GET", "openapi", null, null, "Accept", "application/yaml");
        assertThat(asYaml.statusCode()).isEqualTo(406);
    }

    /**
     * Every operation of the document answers its method on its path: no 405, and no 404 of a
     * path nothing serves ("No such resource."; a 404 for a made-up id names what is missing).
     * The calls carry the operation's credentials, made-up ids and empty bodies of its first
     * media type, so they change nothing; each answer's body fits the document's schema.
     */
    @Test
    void everyDocumentedOperationAnswers() {
        var served = ServedDocument.fetch();
        var ringproof = new Ringproof();
        var tenant = ringproof.tenant("OpenAPI sweep");
        var admin = Http.basic(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
        var answered = new TreeSet<String>();
        var soft = new SoftAssertions();
        operationsOf(served.json()).forEach((name, op) -> {
            String method = name.substring(0, name.indexOf(' '));
            String path = "/api"
                    + name.substring(name.indexOf(' ') + 1)
                            .replace("{phone}", "not-a-phone")
                            .replaceAll("\\{[A-Za-z0-9]+}", "zz_none");
            String tag = op.getJsonArray("tags").getString(0);
            Http caller = switch (tag) {
                case "tenant" -> tenant.api();
                case "admin", "billing" -> admin;
                default -> new Http();
            };
            var body = op.getJsonObject("requestBody");
            String media = body == null
                    ? null
                    : body.getJsonObject("content").keySet().iterator().next();
            String content = media == null ? null : media.contains("json") ? "{}" : "";
            var answer = caller.send(method, path.substring(1), content, media);
            soft.assertThat(answer.statusCode()).as(name + " " + answer.body()).isNotIn(405, 415);
            if (answer.statusCode() == 404) {
                soft.assertThat(answer.body()).as(name + " is served").doesNotContain("No such resource.");
            }
            served.assertBodyFits(method, path, answer, soft);
            answered.add(name);
        });
        soft.assertAll();
        assertThat(answered).hasSizeGreaterThan(40);
    }

    /** Real answers of a whole tour of the API are what the document says: status, type and body. */
    @Test
    void realAnswersAreWhatTheDocumentSays() {
        var served = ServedDocument.fetch();
        var admin = Http.basic(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
        var ringproof = new Ringproof();
        var soft = new SoftAssertions();

        var created = fits(soft, served, admin, "POST", "/api/admin/v1/tenants", "{\"name\":\"OpenAPI tour\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String tenantId = Http.json(created).getString("id");
        var key = fits(
                soft, served, admin, "POST", "/api/admin/v1/tenants/" + tenantId + "/api-keys", "{\"mode\":\"live\"}");
        assertThat(key.statusCode()).isEqualTo(201);
        fits(soft, served, admin, "GET", "/api/admin/v1/tenants/" + tenantId, null);
        fits(soft, served, admin, "GET", "/api/admin/v1/tenants?limit=5", null);
        fits(soft, served, admin, "GET", "/api/admin/v1/tenants/" + tenantId + "/api-keys", null);
        fits(soft, served, admin, "GET", "/api/admin/v1/tenants/" + tenantId + "/webhook/deliveries", null);
        String poolId = ringproof.londonPool().getString("id");
        fits(soft, served, admin, "GET", "/api/admin/v1/pools/" + poolId, null);
        fits(soft, served, admin, "GET", "/api/admin/v1/pools/" + poolId + "/numbers", null);
        fits(soft, served, admin, "GET", "/api/admin/v1/pools", null);
        for (String list : List.of("prices", "providers", "rate-limits", "rate-limits/hits", "blocks", "users")) {
            fits(soft, served, admin, "GET", "/api/admin/v1/" + list, null);
        }

        var tenant = Http.bearer(Http.json(key).getString("key"));
        String phone = Ringproof.mobile();
        var started = fits(soft, served, tenant, "POST", "/api/v1/verifications", "{\"phone\":\"" + phone + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = Http.json(started).getString("id");
        fits(soft, served, tenant, "GET", "/api/v1/verifications/" + id, null);
        fits(soft, served, tenant, "POST", "/api/v1/verifications/" + id + "/check", "{\"code\":\"0000\"}");
        fits(soft, served, tenant, "POST", "/api/v1/verifications/" + id + "/next", null);
        fits(soft, served, tenant, "GET", "/api/v1/verifications?limit=5", null);
        fits(soft, served, admin, "GET", "/api/admin/v1/verifications?tenant=" + tenantId, null);
        fits(soft, served, new Http(), "GET", "/api/sandbox/v1/handsets/" + phone + "/inbox", null);
        fits(soft, served, new Http(), "GET", "/api/sandbox/v1/handsets/" + phone, null);
        fits(soft, served, tenant, "POST", "/api/v1/verifications/" + id + "/cancel", null);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        fits(soft, served, tenant, "GET", "/api/v1/usage?from=" + today + "&to=" + today, null);
        fits(soft, served, tenant, "GET", "/api/v1/usage/summary?month=" + today.substring(0, 7), null);
        fits(soft, served, admin, "GET", "/api/billing/v1/usage?from=" + today + "&to=" + today, null);
        fits(soft, served, admin, "GET", "/api/billing/v1/summary?month=" + today.substring(0, 7), null);

        assertThat(fits(soft, served, tenant, "POST", "/api/v1/verifications", "{\"phone\":\"12\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(fits(soft, served, tenant, "POST", "/api/v1/verifications", "{}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(fits(soft, served, tenant, "GET", "/api/v1/verifications/vf_none", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(fits(soft, served, new Http(), "GET", "/api/v1/verifications/" + id, null)
                        .statusCode())
                .isEqualTo(401);
    }

    private static HttpResponse<String> fits(
            SoftAssertions soft, ServedDocument served, Http caller, String method, String path, String json) {
        var answer = caller.send(method, path.substring(1), json, json == null ? null : "application/json");
        served.assertDescribes(method, path, answer, soft);
        return answer;
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
