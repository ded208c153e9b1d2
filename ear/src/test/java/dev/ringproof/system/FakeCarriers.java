package dev.ringproof.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Twilio-style carrier accounts on 127.0.0.1:18091, one per path prefix ({@code /a} is
 * carrier_a, ...), as ear/pom.xml configures the test server. Each can accept, fail with a 503,
 * or take the message and then answer too late for the server.
 */
final class FakeCarriers implements AutoCloseable {

    static final int PORT = 18091;

    enum Mode {
        ACCEPT,
        FAIL_503,
        DELIVER_THEN_STALL
    }

    /** What one account received: its form fields. */
    record Received(String account, String resource, Map<String, String> form, String sid) {}

    private final HttpServer server;
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refusedAccounts = new CopyOnWriteArrayList<>();

    FakeCarriers() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    void mode(String account, Mode mode) {
        modes.put(account, mode);
    }

    /** Messages the accounts took for {@code to}. */
    List<Received> to(String to) {
        return received.stream().filter(r -> to.equals(r.form().get("To"))).toList();
    }

    long failedRequestsOf(String account) {
        return refusedAccounts.stream().filter(account::equals).count();
    }

    /** Waits (up to 20 s) until what was received for {@code to} satisfies {@code condition}. */
    List<Received> toWhen(String to, Predicate<List<Received>> condition) {
        return Eventually.until("the carriers' messages to " + to, Duration.ofSeconds(20), () -> to(to), condition);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String account = path.length > 1 ? path[1] : "";
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Mode mode = modes.getOrDefault(account, Mode.ACCEPT);
        if (mode == Mode.FAIL_503) {
            refusedAccounts.add(account);
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        String sid = "SM" + account + System.nanoTime();
        received.add(new Received(account, path[path.length - 1], form(body), sid));
        if (mode == Mode.DELIVER_THEN_STALL) {
            Ringproof.sleep(Duration.ofSeconds(4));
        }
        byte[] answer = ("{\"sid\":\"" + sid + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(201, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
