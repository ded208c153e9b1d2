package dev.ringproof.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP receiver on loopback that answers a script of status codes (or hangs) and keeps what it got. */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String id, String timestamp, String signature, String body) {}

    static final int HANG = -1;

    private final HttpServer server;
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            var headers = exchange.getRequestHeaders();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    body));
            Integer status = script.poll();
            if (status != null && status == HANG) {
                Ringproof.sleep(Duration.ofSeconds(6));
                status = 200;
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits (up to 30 s) until at least {@code count} requests came in. */
    List<Received> awaitAtLeast(int count) {
        return Eventually.until(
                count + " webhook requests",
                Duration.ofSeconds(30),
                this::received,
                requests -> requests.size() >= count);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
