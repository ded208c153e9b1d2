package dev.ringproof.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small black-box HTTP client for the system tests, with its own cookie jar and optional credentials. */
final class Http {

    static final URI BASE = URI.create(System.getProperty("ringproof.base-url", "http://localhost:8080/"));

    private final HttpClient client;
    private final URI base;
    private final String authorization;

    Http() {
        this(BASE, null);
    }

    private Http(URI base, String authorization) {
        this(base, authorization, newClient().build());
    }

    private Http(URI base, String authorization, HttpClient client) {
        this.base = base;
        this.authorization = authorization;
        this.client = client;
    }

    private static HttpClient.Builder newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5));
    }

    /**
     * A client of {@code base} (an https address of the test server) that accepts any
     * certificate and host name: the test domain's TLS listener has a self-signed one.
     */
    static Http trustingAnyCertificate(URI base) {
        var trustAll = new javax.net.ssl.X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {}

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {}

            @Override
            public void checkClientTrusted(
                    java.security.cert.X509Certificate[] chain, String type, java.net.Socket socket) {}

            @Override
            public void checkServerTrusted(
                    java.security.cert.X509Certificate[] chain, String type, java.net.Socket socket) {}

            @Override
            public void checkClientTrusted(
                    java.security.cert.X509Certificate[] chain, String type, javax.net.ssl.SSLEngine engine) {}

            @Override
            public void checkServerTrusted(
                    java.security.cert.X509Certificate[] chain, String type, javax.net.ssl.SSLEngine engine) {}

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        try {
            var tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(null, new javax.net.ssl.TrustManager[] {trustAll}, null);
            return new Http(base, null, newClient().sslContext(tls).build());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Http basic(String user, String password) {
        return new Http(
                BASE,
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static Http bearer(String key) {
        return new Http(BASE, "Bearer " + key);
    }

    /** A client with the same credentials for another server (a second Payara domain). */
    Http on(URI otherBase) {
        return new Http(otherBase, authorization);
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        return send("POST", path, json, "application/json", headers);
    }

    HttpResponse<String> postForm(String path, String form) {
        return send("POST", path, form, "application/x-www-form-urlencoded");
    }

    HttpResponse<String> send(String method, String path, String body, String contentType, String... headers) {
        return sendBytes(
                method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, headers);
    }

    HttpResponse<String> sendBytes(String method, String path, byte[] body, String contentType, String... headers) {
        var builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static JsonArray jsonArray(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }
}
