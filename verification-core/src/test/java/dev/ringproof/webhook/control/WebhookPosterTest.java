package dev.ringproof.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poster against real receivers on loopback (127.0.0.1 and 127.0.0.2, both this machine):
 * it connects to the checked address whatever the name would resolve to now, and speaks TLS
 * to the name. The names end in .test, which no resolver answers: a lookup would fail the call.
 */
class WebhookPosterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aRebindingNameIsCalledAtTheAddressThatWasChecked() throws Exception {
        List<String> atFirst = new CopyOnWriteArrayList<>();
        List<String> atSecond = new CopyOnWriteArrayList<>();
        HttpServer first = receiver("127.0.0.1", 0, atFirst);
        HttpServer second = receiver("127.0.0.2", first.getAddress().getPort(), atSecond);
        var lookups = new AtomicInteger();
        HostLookup rebinding = host ->
                new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")};
        String url = "http://hooks.test:" + first.getAddress().getPort() + "/hook";
        try (var poster = new WebhookPoster(TIMEOUT, SSLContext.getDefault())) {
            var target = TargetGuard.check(url, true, rebinding);

            assertThat(poster.post(target, Map.of("webhook-id", "evt_1"), "{}")).isEqualTo(204);
            assertThat(poster.post(target, Map.of("webhook-id", "evt_2"), "{}")).isEqualTo(204);
        } finally {
            first.stop(0);
            second.stop(0);
        }
        assertThat(lookups).hasValue(1);
        assertThat(atFirst)
                .containsExactly(
                        "hooks.test:" + first.getAddress().getPort() + " evt_1",
                        "hooks.test:" + first.getAddress().getPort() + " evt_2");
        assertThat(atSecond).isEmpty();
    }

    @Test
    void tlsNamesAndVerifiesTheHostWhileConnectingToTheCheckedAddress(@TempDir Path dir) throws Exception {
        var keys = selfSigned(dir, "hooks.test");
        List<String> serverNames = new CopyOnWriteArrayList<>();
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keys)));
        server.createContext("/hook", exchange -> {
            var session = (ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession();
            session.getRequestedServerNames().forEach(n -> serverNames.add(((SNIHostName) n).getAsciiName()));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        HostLookup loopback = host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        try (var poster = new WebhookPoster(TIMEOUT, clientTrusting(keys))) {
            var named = TargetGuard.check("https://hooks.test:" + port + "/hook", true, loopback);
            var misnamed = TargetGuard.check("https://other.test:" + port + "/hook", true, loopback);

            assertThat(poster.post(named, Map.of(), "{}")).isEqualTo(200);
            assertThatThrownBy(() -> poster.post(misnamed, Map.of(), "{}")).isInstanceOf(IOException.class);
        } finally {
            server.stop(0);
        }
        assertThat(serverNames).contains("hooks.test");
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var calls = new AtomicInteger();
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getResponseHeaders()
                    .add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/b");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        HostLookup loopback = host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        try (var poster = new WebhookPoster(TIMEOUT, SSLContext.getDefault())) {
            var target =
                    TargetGuard.check("http://hooks.test:" + server.getAddress().getPort() + "/a", true, loopback);

            assertThat(poster.post(target, Map.of(), "{}")).isEqualTo(302);
        } finally {
            server.stop(0);
        }
        assertThat(calls).hasValue(1);
    }

    private static HttpServer receiver(String address, int port, List<String> seen) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            seen.add(exchange.getRequestHeaders().getFirst("Host") + " "
                    + exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A key and self-signed certificate for {@code name}, made by the JDK's keytool. */
    private static Path selfSigned(Path dir, String name) throws Exception {
        Path store = dir.resolve("hook.p12");
        var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var process = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "hook",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=" + name,
                        "-ext",
                        "SAN=dns:" + name,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return store;
    }

    private static KeyStore load(Path store) throws Exception {
        var keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        return keyStore;
    }

    private static SSLContext serverContext(Path store) throws Exception {
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(load(store), "changeit".toCharArray());
        var context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext clientTrusting(Path store) throws Exception {
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(load(store));
        var context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }
}
