package dev.ringproof.telephony.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The carriers' HTTP calls. No {@code @Retry}: the carriers we speak to do not promise to
 * honour an idempotency key, so a second POST could be a second SMS. No {@code @CircuitBreaker}
 * either: it would be one breaker for every account; ProviderHealth keeps one per provider.
 * Values overridable as usual, e.g. {@code dev.ringproof.telephony.rest.RestCalls/post/Timeout/value}.
 */
@ApplicationScoped
public class RestCalls implements FormPoster {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    @Timeout(20_000)
    @Bulkhead(20)
    public HttpResponse<String> post(URI uri, String form, String user, String password, Duration timeout)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
