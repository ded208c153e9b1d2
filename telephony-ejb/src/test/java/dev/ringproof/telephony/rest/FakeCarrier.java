package dev.ringproof.telephony.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Twilio-style carrier on loopback that records what it took and can misbehave on purpose. */
final class FakeCarrier implements AutoCloseable {

    enum Mode {
        ACCEPT,
        FAIL_503,
        DELIVER_THEN_STALL,
        RESET
    }

    record Request(String path, String authorization, String form) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ACCEPT;

    FakeCarrier() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/2010-04-01");
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Mode now = mode;
        if (now == Mode.RESET) {
            exchange.close();
            return;
        }
        if (now == Mode.FAIL_503) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        requests.add(new Request(
                exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"), form));
        if (now == Mode.DELIVER_THEN_STALL) {
            stall();
        }
        byte[] body =
                ("{\"sid\":\"SM" + requests.size() + "\",\"status\":\"queued\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(201, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void stall() {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
