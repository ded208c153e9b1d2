import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes the tenant, admin, billing and sandbox APIs from their OpenAPI document (/openapi):
 * every documented path and method, with generated variants of authentication, path ids,
 * query strings, headers and bodies (each field of a valid body replaced by values of the
 * categories of hostile input in docs/testing.md, raw bodies of every odd shape and size). Checks: no 5xx, every
 * error a problem+json whose status matches, nothing internal in any body, tenants isolated,
 * tenant keys useless on admin paths. Runs on the JDK alone:
 *
 *   java bench/Fuzz.java BASE ADMIN_USER:ADMIN_PASSWORD
 *
 * Sets up its own tenants, pool, keys and verifications through the admin and tenant APIs.
 * Prints the checks with counts; exits 1 when one does not hold. Failures go to fuzz-failures.txt.
 */
public class Fuzz {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final Pattern LEAK = Pattern.compile(
            "(?i)(exception|\\tat |org\\.postgresql|eclipse\\.persistence|sqlstate|java\\.lang|jakarta\\.|"
                    + "dev\\.ringproof\\.|<html|stack ?trace|syntax error at)");
    static final Random RANDOM = new Random(42);
    static final AtomicInteger WRONG_PASSWORDS = new AtomicInteger();

    static String base;
    static String adminAuth;

    record Op(String path, String method) {}

    record Case(String category, String method, String path, Map<String, String> headers, byte[] body, String expect) {}

    record Result(Case c, int status, String contentType, String body, String location) {}

    public static void main(String[] args) throws Exception {
        base = args[0];
        adminAuth = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        var ops = operations(
                send(new Case("setup", "GET", "/openapi", Map.of(), null, "")).body());
        var world = World.create();
        List<Case> cases = new ArrayList<>();
        for (Op op : ops) {
            cases.addAll(casesFor(op, world));
        }
        // destructive operations last, so that they do not take the fixtures away from the rest
        List<Case> first =
                cases.stream().filter(c -> !c.method.equals("DELETE")).toList();
        List<Case> last = cases.stream().filter(c -> c.method.equals("DELETE")).toList();
        var results = new ConcurrentLinkedQueue<Result>();
        run(first, results, 8);
        run(last, results, 1);
        System.exit(report(ops, results) ? 0 : 1);
    }

    // ---------------------------------------------------------------- the document

    /** Paths (under /api) and methods of the OpenAPI YAML, as OpenApiIT reads it. */
    static List<Op> operations(String yaml) {
        List<Op> ops = new ArrayList<>();
        String path = null;
        for (String line : yaml.split("\n")) {
            Matcher p = Pattern.compile("^  (/\\S*):\\s*$").matcher(line);
            Matcher m =
                    Pattern.compile("^    (get|post|put|patch|delete):\\s*$").matcher(line);
            if (p.matches()) {
                path = p.group(1);
            } else if (!line.startsWith("  ")) {
                path = null;
            } else if (m.matches() && path != null && path.matches("/(v1|admin|billing|sandbox)/.*")) {
                // only Ringproof's APIs: bench/lib.sh deploys the baseline WAR next to them
                ops.add(new Op("/api" + path, m.group(1).toUpperCase()));
            }
        }
        if (ops.isEmpty()) {
            throw new IllegalStateException("no operations in /openapi");
        }
        return ops;
    }

    // ---------------------------------------------------------------- fixtures

    /** What the fuzz needs to exist: its own tenants, keys, pool, users, policy and verifications. */
    record World(
            String keyA,
            String keyB,
            String revokedKey,
            String verificationA,
            String verificationB,
            String victimTenant,
            String victimKeyId,
            String victimPool,
            String victimNumber,
            String victimPolicy,
            String victimUser) {

        static World create() throws Exception {
            String tenantA = id(admin("POST", "/api/admin/v1/tenants", "{\"name\":\"Fuzz A\"}"));
            String tenantB = id(admin("POST", "/api/admin/v1/tenants", "{\"name\":\"Fuzz B\"}"));
            String keyA = field(
                    admin(
                            "POST",
                            "/api/admin/v1/tenants/" + tenantA + "/api-keys",
                            "{\"label\":\"fuzz\",\"mode\":\"live\"}"),
                    "key");
            String keyB = field(
                    admin(
                            "POST",
                            "/api/admin/v1/tenants/" + tenantB + "/api-keys",
                            "{\"label\":\"fuzz\",\"mode\":\"live\"}"),
                    "key");
            var revoked = admin(
                    "POST",
                    "/api/admin/v1/tenants/" + tenantA + "/api-keys",
                    "{\"label\":\"revoked\",\"mode\":\"live\"}");
            admin("DELETE", "/api/admin/v1/tenants/" + tenantA + "/api-keys/" + id(revoked), null);
            String victimTenant = id(admin("POST", "/api/admin/v1/tenants", "{\"name\":\"Fuzz victim\"}"));
            String victimKeyId = id(admin(
                    "POST",
                    "/api/admin/v1/tenants/" + victimTenant + "/api-keys",
                    "{\"label\":\"victim\",\"mode\":\"test\"}"));
            String victimPool = id(admin("POST", "/api/admin/v1/pools", "{\"name\":\"Fuzz\",\"country\":\"GB\"}"));
            admin(
                    "POST",
                    "/api/admin/v1/pools/" + victimPool + "/numbers",
                    "{\"ranges\":[{\"from\":\"+442079470000\",\"to\":\"+442079470099\"}]}");
            String victimPolicy = id(admin(
                    "POST",
                    "/api/admin/v1/rate-limits",
                    "{\"scope\":\"phone\",\"action\":\"check\",\"tenant_id\":\"" + victimTenant
                            + "\",\"limit\":1000,\"window_seconds\":60}"));
            admin(
                    "POST",
                    "/api/admin/v1/users",
                    "{\"username\":\"fuzzvictim\",\"password\":\"fuzz-victim-password-1\",\"roles\":[\"billing\"]}");
            String vA = id(tenant(keyA, "{\"phone\":\"+447400999001\"}"));
            String vB = id(tenant(keyB, "{\"phone\":\"+447400999002\"}"));
            return new World(
                    keyA,
                    keyB,
                    field(revoked, "key"),
                    vA,
                    vB,
                    victimTenant,
                    victimKeyId,
                    victimPool,
                    "+442079470001",
                    victimPolicy,
                    "fuzzvictim");
        }

        private static String admin(String method, String path, String body) throws Exception {
            var answer = send(new Case(
                    "setup",
                    method,
                    path,
                    headers("Authorization", adminAuth, "Content-Type", "application/json"),
                    body == null ? null : utf8(body),
                    ""));
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "setup " + method + " " + path + ": " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        }

        private static String tenant(String key, String body) throws Exception {
            var answer = send(new Case(
                    "setup",
                    "POST",
                    "/api/v1/verifications",
                    headers("Authorization", "Bearer " + key, "Content-Type", "application/json"),
                    utf8(body),
                    ""));
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("setup start: " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        }

        /** The value for a path parameter of this operation that names something that exists. */
        String valid(String path, String param) {
            if (path.contains("/verifications/")) {
                return verificationA;
            }
            if (path.contains("/api-keys/")) {
                return victimKeyId;
            }
            if (path.contains("/numbers/")) {
                return param.equals("e164") ? victimNumber : victimPool;
            }
            if (path.contains("/tenants/")) {
                return victimTenant;
            }
            if (path.contains("/pools/")) {
                return victimPool;
            }
            if (path.contains("/rate-limits/")) {
                return victimPolicy;
            }
            if (path.contains("/users/")) {
                return victimUser;
            }
            if (path.contains("/handsets/")) {
                return "+447400999001";
            }
            return "bl_unknown";
        }
    }

    static String id(String json) {
        return field(json, "id");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    // ---------------------------------------------------------------- generation

    /** A valid body per operation (docs/api.md), the seed of the body mutations. */
    static String validBody(Op op) {
        String p = op.path;
        if (p.endsWith("/check")) {
            return "{\"code\":\"1234\"}";
        }
        if (p.endsWith("/v1/verifications")) {
            return "{\"phone\":\"+447400999003\",\"channels\":[\"missed_call\",\"sms\"],\"locale\":\"en\","
                    + "\"reference\":\"fuzz\",\"client_ip\":\"203.0.113.7\"}";
        }
        if (p.endsWith("/api-keys")) {
            return "{\"label\":\"fuzz\",\"mode\":\"test\"}";
        }
        if (p.endsWith("/tenants") || p.endsWith("/tenants/{id}")) {
            return "{\"name\":\"Fuzz\",\"workflow\":[\"missed_call\",\"sms\"],\"fallback_after_seconds\":"
                    + "{\"missed_call\":30,\"sms\":60,\"voice\":60},\"code_length\":4,\"otp_length\":6,"
                    + "\"max_checks\":5,\"ttl_seconds\":600,\"allowed_countries\":[\"GB\"],"
                    + "\"webhook_url\":\"https://example.com/hook\"}";
        }
        if (p.endsWith("/numbers")) {
            return "{\"numbers\":[\"+442079480001\"],\"ranges\":[{\"from\":\"+442079480100\",\"to\":\"+442079480109\"}]}";
        }
        if (p.endsWith("/pools") || p.endsWith("/pools/{id}")) {
            return "{\"name\":\"Fuzz\",\"country\":\"GB\",\"enabled\":true}";
        }
        if (p.endsWith("/rate-limits")) {
            return "{\"scope\":\"prefix\",\"action\":\"start\",\"match\":\"+4479\",\"limit\":1000,\"window_seconds\":60}";
        }
        if (p.endsWith("/prices")) {
            return "{\"channel\":\"sms\",\"country\":\"DE\",\"unit_price\":\"0.0500\",\"currency\":\"EUR\"}";
        }
        if (p.contains("/users")) {
            return "{\"username\":\"fuzz" + RANDOM.nextInt(1_000_000) + "\",\"password\":\"fuzz-password-long-1\","
                    + "\"roles\":[\"billing\"]}";
        }
        if (p.contains("/handsets/")) {
            return "{\"calls\":\"ring\",\"sms\":\"deliver\",\"voice\":\"deliver\"}";
        }
        if (p.contains("/webhook")) {
            return "{\"url\":\"https://example.com/hook\"}";
        }
        return "{}";
    }

    /** Field values of the categories of hostile input (docs/testing.md), as JSON texts. */
    static final List<String> VALUES = List.of(
            "\"\"",
            "\" \"",
            "\"+\"",
            "\"447700900123\"",
            "\"+44 (0) 7700 900123\"",
            "\"+44-7700-900-123\"",
            "\"+44.7700.900.123\"",
            "\"tel:+447700900123\"",
            "\"sip:+447700900123@example.com\"",
            "\"+447700900123;ext=12\"",
            "\"+44770090ABCD\"",
            "\"112\"",
            "\"999\"",
            "\"+9991234567\"",
            "\"+4477009001234567890\"",
            "\"＋４４７７００９００１２３\"",
            "\"+٤٤٧٧٠٠٩٠٠١٢٣\"",
            "\"+44\\u200b7700900123\"",
            "\"\\u202e+447700900123\"",
            "\"\\ufeff+447700900123\"",
            "\"' or '1'='1\"",
            "\"'; drop table tenant; --\"",
            "\"#{7*7}\"",
            "\"${7*7}\"",
            "\"${jndi:ldap://127.0.0.1/a}\"",
            "\"<script>alert(1)</script>\"",
            "\"=cmd|' /C calc'!A0\"",
            "\"@SUM(1+1)\"",
            "\"-2+3\"",
            "\"a\\r\\nX-Injected: 1\"",
            "\"../../etc/passwd\"",
            "\"\\u0000\"",
            "\"🙂\"",
            "\"١٢٣٤\"",
            "\"１２３４\"",
            "\" 1234 \"",
            "\"0001\"",
            "\"GB\"",
            "\"gb\"",
            "\"XX\"",
            "\"*\"",
            "\"live\"",
            "\"test\"",
            "\"missed_call\"",
            "\"admin\"",
            "\"suspended\"",
            "\"2026-02-30\"",
            "\"http://127.0.0.1:8080/api\"",
            "\"http://169.254.169.254/latest\"",
            "\"file:///etc/passwd\"",
            "0",
            "-1",
            "1.5",
            "1e309",
            "9223372036854775808",
            "1234",
            "3601",
            "true",
            "null",
            "[]",
            "[\"1234\",\"5678\"]",
            "{}",
            "{\"a\":1}",
            "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]",
            "\"" + "9".repeat(5000) + "\"");

    static List<Case> casesFor(Op op, World w) {
        List<Case> cases = new ArrayList<>();
        boolean tenantApi = op.path.startsWith("/api/v1/");
        boolean sandbox = op.path.startsWith("/api/sandbox/");
        String goodAuth = tenantApi ? "Bearer " + w.keyA : adminAuth;
        String path = fill(op.path, w);
        boolean hasBody = op.method.equals("POST") || op.method.equals("PUT") || op.method.equals("PATCH");
        byte[] body = hasBody ? utf8(validBody(op)) : null;
        Map<String, String> json = hasBody ? Map.of("Content-Type", "application/json") : Map.of();

        // authentication
        List<String[]> auths = new ArrayList<>();
        auths.add(new String[] {"none", null});
        auths.add(new String[] {"empty bearer", "Bearer "});
        auths.add(new String[] {"garbage bearer", "Bearer rp_live_garbage"});
        auths.add(new String[] {"revoked key", "Bearer " + w.revokedKey});
        auths.add(new String[] {"key upper-cased", "Bearer " + w.keyA.toUpperCase()});
        auths.add(new String[] {"key with tab", "Bearer \t" + w.keyA + " "});
        if (WRONG_PASSWORDS.getAndIncrement() < 5) {
            // a few only: ten wrong passwords in a row throttle the user, a hundred the address
            auths.add(new String[] {
                "basic wrong password", "Basic " + Base64.getEncoder().encodeToString(utf8("fuzz-nobody:wrong"))
            });
        }
        auths.add(new String[] {"basic garbage", "Basic %%%"});
        if (!tenantApi) {
            auths.add(new String[] {"tenant key on admin", "Bearer " + w.keyA});
        }
        for (String[] auth : auths) {
            if (sandbox) {
                break; // open in the sandbox (sandbox.open=true)
            }
            String expect = auth[0].equals("tenant key on admin") ? "denied" : "unauthenticated";
            cases.add(
                    new Case("auth: " + auth[0], op.method, path, with(json, "Authorization", auth[1]), body, expect));
        }
        if (tenantApi) {
            cases.add(new Case(
                    "auth: key in the query string",
                    op.method,
                    path + "?api_key=" + w.keyA + "&key=" + w.keyA,
                    json,
                    body,
                    "unauthenticated"));
            if (op.path.contains("{id}")) {
                cases.add(new Case(
                        "auth: another tenant's verification",
                        op.method,
                        op.path.replace("{id}", w.verificationB),
                        with(json, "Authorization", goodAuth),
                        body,
                        "404"));
            }
        }
        Map<String, String> good = with(json, "Authorization", goodAuth);

        // path spellings and routing headers: none may carry a request without credentials past authentication
        if (!sandbox) {
            for (String spelled : spellings(path)) {
                cases.add(new Case("path spelling", op.method, spelled, json, body, "unauthenticated"));
            }
            for (String header : List.of("X-Original-URL", "X-Rewrite-URL", "X-Forwarded-Prefix", "X-Forwarded-Path")) {
                cases.add(new Case(
                        "header: " + header,
                        op.method,
                        path,
                        with(json, header, "/api/sandbox/v1/handsets/+447700900123/inbox"),
                        body,
                        "unauthenticated"));
            }
            cases.add(new Case(
                    "header: X-Forwarded-For loopback",
                    op.method,
                    path,
                    with(json, "X-Forwarded-For", "127.0.0.1"),
                    body,
                    "unauthenticated"));
        }

        // path parameters
        if (op.path.contains("{")) {
            for (String raw : List.of(
                    "unknown",
                    "vf_",
                    "' or 1=1 --",
                    "#{7*7}",
                    "${jndi:ldap://x/a}",
                    "<script>",
                    "..",
                    "%2e%2e%2f%2e%2e%2fetc",
                    "%00",
                    "%ff%fe",
                    "%E2%80%AE",
                    "🙂",
                    "a".repeat(3000),
                    "１２３",
                    "+44 7700",
                    "%20",
                    "%0d%0aX:1",
                    "null",
                    "-1",
                    "9".repeat(40))) {
                String value = raw.startsWith("%") || raw.contains("%2") ? raw : enc(raw);
                cases.add(new Case("path id", op.method, op.path.replaceAll("\\{[^}]+}", value), good, body, ""));
            }
        }
        // headers
        cases.add(new Case(
                "header: method override", op.method, path, with(good, "X-HTTP-Method-Override", "DELETE"), body, ""));
        cases.add(new Case("header: huge", op.method, path, with(good, "X-Fuzz", "x".repeat(16_000)), body, ""));
        cases.add(new Case("header: Accept xml", op.method, path, with(good, "Accept", "application/xml"), body, ""));
        cases.add(new Case(
                "header: long Idempotency-Key",
                op.method,
                path,
                with(good, "Idempotency-Key", "k".repeat(300)),
                body,
                ""));
        cases.add(new Case(
                "header: odd Idempotency-Key",
                op.method,
                path,
                with(good, "Idempotency-Key", "'; select 1; --"),
                body,
                ""));
        // query strings
        for (String q : List.of(
                "from=2026-13-01&to=2026-11-30",
                "from=x&to=y",
                "from=2026-11-30&to=2026-11-01",
                "from=0000-01-01&to=9999-12-31",
                "page=-1&size=100000000",
                "limit=abc&offset=1e9",
                "tenant=' or 1=1 --",
                "tenant=%00",
                "format=%0d%0a",
                "cursor=" + "z".repeat(4000),
                "from=2026-11-01&to=2026-11-30&tenant=tn_unknown",
                "a=1&a=2&a=3")) {
            cases.add(new Case("query", op.method, path + "?" + q, good, body, ""));
        }
        if (!hasBody) {
            return cases;
        }
        // bodies: each field of the valid body replaced, dropped; unknown and duplicate fields
        var fields = topLevelFields(validBody(op));
        for (var f : fields.entrySet()) {
            for (String value : VALUES) {
                var mutated = new LinkedHashMap<>(fields);
                mutated.put(f.getKey(), value);
                cases.add(new Case("body field " + f.getKey(), op.method, path, good, utf8(json(mutated)), ""));
            }
            var dropped = new LinkedHashMap<>(fields);
            dropped.remove(f.getKey());
            cases.add(new Case("body without " + f.getKey(), op.method, path, good, utf8(json(dropped)), ""));
            cases.add(new Case(
                    "body duplicate " + f.getKey(),
                    op.method,
                    path,
                    good,
                    utf8(json(fields).replaceFirst("^\\{", "{\"" + f.getKey() + "\":\"dup\",")),
                    ""));
        }
        var extra = new LinkedHashMap<>(fields);
        extra.put("__proto__", "{\"admin\":true}");
        extra.put("tenant_id", "\"tn_other\"");
        cases.add(new Case("body extra fields", op.method, path, good, utf8(json(extra)), ""));
        // raw bodies
        List<byte[]> raws = new ArrayList<>(List.of(
                utf8(""),
                utf8("{"),
                utf8("[]"),
                utf8("null"),
                utf8("\"x\""),
                utf8("12"),
                utf8("<?xml version=\"1.0\"?><a>1</a>"),
                utf8("{\"a\":}"),
                utf8("{'a':1}"),
                utf8("[".repeat(100_000)),
                utf8("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                utf8(manyKeys(20_000)),
                utf8("{\"phone\":\"" + "x".repeat(2_000_000) + "\"}"),
                new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '"', '}'},
                validBody(op).getBytes(StandardCharsets.UTF_16),
                utf8("\ufeff" + validBody(op))));
        for (byte[] raw : raws) {
            cases.add(new Case("raw body", op.method, path, good, raw, ""));
        }
        // content types
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "text/csv",
                "application/json; charset=latin1",
                "application/json; charset=utf-16",
                "application/problem+json",
                "*/*",
                "garbage")) {
            cases.add(new Case("content type " + type, op.method, path, with(good, "Content-Type", type), body, ""));
        }
        cases.add(new Case("no content type", op.method, path, with(good, "Content-Type", null), body, ""));
        return cases;
    }

    /** Spellings of a path that matching may treat as the same resource: matrix parameters, dots, encodings, case. */
    static List<String> spellings(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q);
        String[] segments = path.substring(1).split("/");
        List<String> out = new ArrayList<>(List.of(path + "/", path + ";x=1", path + "/."));
        for (int i = 0; i < segments.length; i++) {
            for (String spelled : List.of(
                    segments[i] + ";x=1",
                    segments[i] + "%3Bx",
                    segments[i] + "/x/..",
                    segments[i] + "/%2e",
                    "%" + Integer.toHexString(segments[i].charAt(0)) + segments[i].substring(1),
                    segments[i].toUpperCase(),
                    segments[i] + "/",
                    segments[i] + "/x/%2E%2E",
                    segments[i] + "/x/%c0%ae%c0%ae",
                    segments[i] + "%2F",
                    segments[i] + "%00",
                    segments[i] + "/%ef%bc%8e")) {
                String[] copy = segments.clone();
                copy[i] = spelled;
                out.add("/" + String.join("/", copy));
            }
        }
        out.add("/api/sandbox/.." + path.substring("/api".length()));
        out.add(path.replace("/", "//"));
        return out.stream().map(p -> p + query).toList();
    }

    static String fill(String path, World w) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(enc(w.valid(path, m.group(1)))));
        }
        return m.appendTail(out).toString();
    }

    /** The top-level members of a flat-enough JSON object, as raw JSON texts (for the seed bodies above). */
    static Map<String, String> topLevelFields(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 1;
        while (i < json.length() - 1) {
            int keyStart = json.indexOf('"', i);
            if (keyStart < 0) {
                break;
            }
            int keyEnd = json.indexOf('"', keyStart + 1);
            int valueStart = json.indexOf(':', keyEnd) + 1;
            int depth = 0;
            boolean inString = false;
            int j = valueStart;
            for (; j < json.length() - 1; j++) {
                char c = json.charAt(j);
                if (c == '"' && json.charAt(j - 1) != '\\') {
                    inString = !inString;
                } else if (!inString && (c == '{' || c == '[')) {
                    depth++;
                } else if (!inString && (c == '}' || c == ']')) {
                    depth--;
                } else if (!inString && depth == 0 && c == ',') {
                    break;
                }
            }
            fields.put(json.substring(keyStart + 1, keyEnd), json.substring(valueStart, j));
            i = j + 1;
        }
        return fields;
    }

    static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((k, v) -> out.append(out.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
        return out.append('}').toString();
    }

    static String manyKeys(int n) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            out.append(i > 0 ? "," : "").append("\"k").append(i).append("\":").append(i);
        }
        return out.append('}').toString();
    }

    // ---------------------------------------------------------------- running and judging

    static void run(List<Case> cases, ConcurrentLinkedQueue<Result> results, int threads) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        for (Case c : cases) {
            pool.execute(() -> {
                try {
                    var answer = send(c);
                    results.add(new Result(
                            c,
                            answer.statusCode(),
                            answer.headers().firstValue("Content-Type").orElse(""),
                            answer.body(),
                            answer.headers().firstValue("Location").orElse("")));
                } catch (IllegalArgumentException e) {
                    results.add(new Result(c, -1, "", "not sendable by the JDK client: " + e.getMessage(), ""));
                } catch (Exception e) {
                    results.add(new Result(c, 0, "", e.toString(), ""));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
    }

    static HttpResponse<String> send(Case c) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + c.path)).timeout(Duration.ofSeconds(60));
        c.headers.forEach((k, v) -> {
            if (v != null) {
                request.header(k, v);
            }
        });
        request.method(
                c.method,
                c.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static boolean report(List<Op> ops, ConcurrentLinkedQueue<Result> results) throws Exception {
        var failures = new StringBuilder();
        var byClass = new ConcurrentHashMap<String, AtomicInteger>();
        var categories = new java.util.TreeMap<String, Integer>();
        int sent = 0;
        int unsendable = 0;
        int noAnswer = 0;
        int fiveXx = 0;
        int notProblem = 0;
        int httpLayer = 0;
        int undecodable = 0;
        int contextRootRedirects = 0;
        int badProblem = 0;
        int leaks = 0;
        int isolation = 0;
        int isolationChecked = 0;
        int adminDenied = 0;
        int adminChecked = 0;
        int unauthenticated = 0;
        int unauthenticatedChecked = 0;
        for (Result r : results) {
            if (r.status == -1) {
                unsendable++;
                continue;
            }
            categories.merge(
                    r.c.category
                            .replaceAll(" [a-z_]+$", "")
                            .replaceAll("^(body field|body without|body duplicate|content type|auth).*", "$1"),
                    1,
                    Integer::sum);
            sent++;
            if (r.status == 0) {
                noAnswer++;
                failures.append("NO ANSWER ").append(describe(r)).append('\n');
                continue;
            }
            byClass.computeIfAbsent(r.status / 100 + "xx", k -> new AtomicInteger())
                    .incrementAndGet();
            if (r.status >= 500) {
                fiveXx++;
                failures.append("5XX ").append(describe(r)).append('\n');
            }
            if (r.status == 200 && r.contentType.isEmpty() && r.body.isEmpty() && undecodable(r.c.path)) {
                // the server's own answer to a path its HTTP layer fails to decode (docs/security.md,
                // "Paths the server cannot decode"): before any application, nothing read or changed
                undecodable++;
                continue;
            }
            if (r.status == 301
                    && r.location.equals("/api/")
                    && r.c.path.toLowerCase(java.util.Locale.ROOT).matches("/api(;|%3b).*")) {
                // a matrix parameter on the context root's segment: the server redirects to /api/ with its
                // own "Document moved" page; no resource reached
                contextRootRedirects++;
                continue;
            }
            if (r.status == 400 && r.contentType.isEmpty() && r.body.isEmpty()) {
                // Grizzly refuses a header over 8 KB or a path with %00 or bytes that are not UTF-8
                // before the request reaches any application: an empty 400, nothing to leak
                httpLayer++;
            } else if (r.status >= 400) {
                if (!r.contentType.startsWith("application/problem+json")) {
                    notProblem++;
                    failures.append("NOT PROBLEM ").append(describe(r)).append('\n');
                } else if (!r.body.matches("(?s).*\"code\"\\s*:\\s*\"[a-z_]+\".*")
                        || !r.body.matches("(?s).*\"status\"\\s*:\\s*" + r.status + "\\b.*")) {
                    badProblem++;
                    failures.append("BAD PROBLEM ").append(describe(r)).append('\n');
                }
            }
            if (LEAK.matcher(r.body).find()) {
                leaks++;
                failures.append("LEAK ").append(describe(r)).append('\n');
            }
            if (r.c.expect.equals("404")) {
                isolationChecked++;
                if (r.status != 404) {
                    isolation++;
                    failures.append("ISOLATION ").append(describe(r)).append('\n');
                }
            } else if (r.c.expect.equals("denied")) {
                adminChecked++;
                if (r.status != 401 && r.status != 403) {
                    adminDenied++;
                    failures.append("TENANT KEY ON ADMIN ").append(describe(r)).append('\n');
                }
            } else if (r.c.expect.equals("unauthenticated")) {
                unauthenticatedChecked++;
                if (r.status / 100 == 2) {
                    unauthenticated++;
                    failures.append("UNAUTHENTICATED 2XX ").append(describe(r)).append('\n');
                }
            }
        }
        java.nio.file.Files.writeString(
                java.nio.file.Path.of(System.getProperty("fuzz.failures", "fuzz-failures.txt")), failures.toString());
        System.out.println();
        System.out.printf(
                "Fuzz run: %d operations of /openapi, %d requests sent (%d variants the JDK client cannot send)%n",
                ops.size(), sent, unsendable);
        System.out.println("  answers by class: " + new java.util.TreeMap<>(byClass));
        System.out.println("  requests by category: " + categories);
        boolean ok = true;
        ok &= check("requests without an answer (connection dropped, timeout)", noAnswer);
        ok &= check("5xx answers", fiveXx);
        ok &= check("error answers that are not application/problem+json", notProblem);
        System.out.printf(
                "  %-80s %6d  %s%n",
                "empty 400s of the HTTP layer, before any application (informative)", httpLayer, "-");
        System.out.printf(
                "  %-80s %6d  %s%n",
                "empty 200s of the HTTP layer for a path it cannot decode (informative)", undecodable, "-");
        System.out.printf(
                "  %-80s %6d  %s%n",
                "the server's redirects of /api;... to /api/ (informative)", contextRootRedirects, "-");
        ok &= check("problem+json without a code or with a status other than the HTTP status", badProblem);
        ok &= check("bodies with a stack trace, SQL, class or package names, or HTML", leaks);
        ok &= check("another tenant's verification answered other than 404 (of " + isolationChecked + ")", isolation);
        ok &= check(
                "tenant keys on admin/billing paths answered other than 401/403 (of " + adminChecked + ")",
                adminDenied);
        ok &= check("unauthenticated requests answered 2xx (of " + unauthenticatedChecked + ")", unauthenticated);
        return ok;
    }

    /**
     * A path the server's HTTP layer fails to decode: a literal trailing dot segment with no percent
     * escape in the path (its decode buffer may have no room for the '/' it appends), or an invalid
     * percent escape. The same predicate as SecurityIT's.
     */
    static boolean undecodable(String pathAndQuery) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        return !path.contains("%") && path.matches(".*/\\.{1,2}") || path.matches(".*%(?![0-9A-Fa-f]{2}).*");
    }

    static boolean check(String name, int value) {
        System.out.printf("  %-80s %6d  %s%n", name, value, value == 0 ? "holds" : "BROKEN");
        return value == 0;
    }

    static String describe(Result r) {
        String body = r.body.length() > 300 ? r.body.substring(0, 300) + "…" : r.body;
        String path = r.c.path.length() > 150 ? r.c.path.substring(0, 150) + "…" : r.c.path;
        return r.status + " [" + r.c.category + "] " + r.c.method + " " + path + " (" + r.contentType + ") "
                + body.replace('\n', ' ');
    }

    // ---------------------------------------------------------------- small things

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Map<String, String> headers(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    static Map<String, String> with(Map<String, String> headers, String key, String value) {
        Map<String, String> map = new LinkedHashMap<>(headers);
        map.put(key, value);
        return map;
    }
}
