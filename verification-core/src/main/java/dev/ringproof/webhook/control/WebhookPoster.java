package dev.ringproof.webhook.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs a webhook to a {@link CheckedTarget}: the connection goes to the checked address
 * (Apache HttpClient 5 takes the address from the target host and resolves nothing), while
 * {@code Host}, TLS SNI and the certificate's host-name check use the URL's host name. Its
 * resolver refuses every name, so that no path of the client can look one up behind the
 * guard's back. No redirects, no retries (a retry is the outbox's), no cookies, no proxy.
 */
public final class WebhookPoster implements AutoCloseable {

    private static final DnsResolver NO_LOOKUPS = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException("webhook targets connect to their checked address only: " + host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException("webhook targets connect to their checked address only: " + host);
        }
    };

    private final CloseableHttpClient client;

    /** {@code timeout}: for the connection and then for each wait on the receiver's answer. */
    public WebhookPoster(Duration timeout, SSLContext tls) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(NO_LOOKUPS)
                .setTlsSocketStrategy(
                        ClientTlsStrategyBuilder.create().setSslContext(tls).buildClassic())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(
                                timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5)))
                        .setSocketTimeout(Timeout.of(timeout))
                        .build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(4)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(timeout))
                        .setConnectionRequestTimeout(Timeout.of(timeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    /** The receiver's status code; an IOException when there was no answer (refused, timed out, TLS failed). */
    public int post(CheckedTarget target, Map<String, String> headers, String jsonBody) throws IOException {
        var request = new HttpPost(target.uri());
        headers.forEach(request::setHeader);
        request.setEntity(new StringEntity(jsonBody, ContentType.APPLICATION_JSON));
        var host = new HttpHost(target.scheme(), target.address(), target.host(), target.port());
        // the answer's body is not read: closing the response unread drops the connection
        try (var response = client.executeOpen(host, request, null)) {
            return response.getCode();
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
