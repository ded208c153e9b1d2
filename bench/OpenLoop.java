import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load: starts at a fixed rate, whatever the server's answers take, timed from the
 * moment each request was due (not when it was sent), so a stalled server shows in the
 * latencies instead of slowing the load down (wrk's closed loop hides that: coordinated
 * omission). wrk2 does this but is not in Debian; this runs on the JDK alone:
 *
 *   java bench/OpenLoop.java URL KEY RATE SECONDS PHONE_BASE
 *
 * Prints one line in the format of report.lua. A clock thread puts each request on a queue when
 * it is due; CONNECTIONS threads, each with one keep-alive connection, send what is queued and
 * read the answer. A request that waits in the queue waits on the clock: the wait is part of its
 * latency. Requests that find MAX_WAITING requests queued are counted as socket errors (the
 * server is past saturation) and not sent. (The JDK's HttpClient did the same at about 3 ms of
 * CPU a request: at 200 starts/s the client took a third of the two cores it measured on.)
 * The first OPEN_WARMUP_SECONDS (5) run at the same rate and are not counted: the client's own
 * connections and JIT warm up there (counted, they made the first second of every phase its
 * slowest 1 %); RESULT says from when it counted (from_ms, epoch ms). With OPEN_TRACE set,
 * writes each request's due time (epoch ms) and latency (ms) to that file, for bench/stalls.py
 * to line the slow ones up with what the server did at the time.
 */
public class OpenLoop {

    static final int CONNECTIONS = 64;
    static final int MAX_WAITING = 512;

    private record Due(long nanos, byte[] request, boolean counted) {}

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String key = args[1];
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long phoneBase = Long.parseLong(args[4]);
        int warmup =
                (int) Math.round(rate * Integer.parseInt(System.getenv().getOrDefault("OPEN_WARMUP_SECONDS", "5")));
        int total = warmup + (int) Math.round(rate * seconds);
        long intervalNanos = (long) (1e9 / rate);

        BlockingQueue<Due> queue = new ArrayBlockingQueue<>(MAX_WAITING);
        var latencies = new ConcurrentLinkedQueue<Long>();
        var trace = new ConcurrentLinkedQueue<String>();
        long epochOffsetNanos = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
        var non2xx = new AtomicLong();
        var failed = new AtomicLong();
        var answered = new CountDownLatch(total);
        var address = new InetSocketAddress(url.getHost(), url.getPort());
        for (int c = 0; c < CONNECTIONS; c++) {
            var sender = new Thread(() -> {
                Connection connection = null;
                while (true) {
                    Due due;
                    try {
                        due = queue.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    int status;
                    try {
                        if (connection == null) {
                            connection = new Connection(address);
                        }
                        status = connection.exchange(due.request());
                        if (connection.closedByServer) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                        status = -1;
                    }
                    long latency = System.nanoTime() - due.nanos();
                    if (due.counted()) {
                        latencies.add(latency);
                        trace.add((due.nanos() + epochOffsetNanos) / 1_000_000 + "\t" + latency / 1e6);
                        if (status < 0) {
                            failed.incrementAndGet();
                        } else if (status / 100 != 2) {
                            non2xx.incrementAndGet();
                        }
                    }
                    answered.countDown();
                }
            });
            sender.setDaemon(true);
            sender.start();
        }
        String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nAuthorization: Bearer " + key + "\r\nContent-Type: application/json\r\n";
        long begin = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = begin + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String body =
                    "{\"phone\":\"" + String.format(Locale.ROOT, "+44740%07d", (phoneBase + i) % 10_000_000) + "\"}";
            byte[] request = (head + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1);
            if (!queue.offer(new Due(due, request, i >= warmup))) {
                if (i >= warmup) {
                    failed.incrementAndGet();
                }
                answered.countDown();
            }
        }
        answered.await(30, TimeUnit.SECONDS);
        String traceFile = System.getenv("OPEN_TRACE");
        if (traceFile != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(traceFile), trace);
        }
        long countedFrom = begin + warmup * intervalNanos;
        double elapsed = (System.nanoTime() - countedFrom) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d from_ms=%d%n",
                sorted.length,
                sorted.length / elapsed,
                ms(sorted, 0.50),
                ms(sorted, 0.95),
                ms(sorted, 0.99),
                non2xx.get(),
                failed.get(),
                (countedFrom + epochOffsetNanos) / 1_000_000);
        System.exit(0);
    }

    /** One keep-alive connection, read through one buffer for all its answers. */
    private static final class Connection {

        private final Socket socket = new Socket();
        private final OutputStream out;
        private final InputStream in;
        boolean closedByServer;

        Connection(InetSocketAddress address) throws IOException {
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        /** Sends one request and reads its whole answer; the answer's status. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closedByServer = true;
                }
            }
            if (chunked) {
                for (long size = chunk(); size > 0; size = chunk()) {
                    skip(size);
                    line();
                }
                line();
            } else {
                skip(length);
            }
            return status;
        }

        private long chunk() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        }

        private String line() throws IOException {
            var line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; left--) {
                if (in.read() < 0) {
                    throw new IOException("connection closed");
                }
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // gone already
            }
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
