package dev.ringproof.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 exchange over a plain socket, for what java.net.http refuses to send: a
 * {@code Host} header of the caller's choosing (a forged one) and raw request targets.
 */
final class RawHttp {

    record Answer(int status, List<String> headerLines, String body) {

        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip())
                    .findFirst();
        }

        List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip())
                    .toList();
        }
    }

    private RawHttp() {}

    /** Sends {@code method target} with the given Host and extra header lines ("Name: value"), and an optional body. */
    static Answer exchange(String method, String target, String host, String body, String... headerLines) {
        return exchange(null, Http.BASE, method, target, host, body, headerLines);
    }

    /**
     * Sends {@code method target} to {@code base} from the local address {@code source} (null:
     * the system's choice), e.g. 127.0.0.2 to be another client than the suite's 127.0.0.1.
     */
    static Answer exchange(
            InetAddress source,
            URI base,
            String method,
            String target,
            String host,
            String body,
            String... headerLines) {
        var request = new StringBuilder(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(host)
                .append("\r\n")
                .append("Connection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (var socket = new Socket()) {
            socket.bind(source == null ? null : new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            var all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            return parse(all.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code method target} to this server under its own Host, headers given as name, value, name, value… */
    static Answer send(String method, String target, String body, String... namesAndValues) {
        String[] lines = new String[namesAndValues.length / 2];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = namesAndValues[2 * i] + ": " + namesAndValues[2 * i + 1];
        }
        return exchange(method, target, Http.BASE.getHost() + ":" + Http.BASE.getPort(), body, lines);
    }

    /** Writes {@code requests} as they are (several, for keep-alive) and returns all the server answered until it closed. */
    static String raw(String requests) {
        try (var socket = new Socket(Http.BASE.getHost(), Http.BASE.getPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer get(String target, String host, String... headerLines) {
        return exchange("GET", target, host, null, headerLines);
    }

    private static Answer parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        String head = end < 0 ? response : response.substring(0, end);
        String body = end < 0 ? "" : response.substring(end + 4);
        var lines = new ArrayList<>(List.of(head.split("\r\n")));
        String statusLine = lines.remove(0);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        var answer = new Answer(status, lines, body);
        return answer.header("Transfer-Encoding")
                        .filter(coding -> coding.equalsIgnoreCase("chunked"))
                        .isPresent()
                ? new Answer(status, lines, dechunk(body))
                : answer;
    }

    private static String dechunk(String chunked) {
        var body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(
                    chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
