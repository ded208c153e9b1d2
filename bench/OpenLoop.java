import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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
 * Prints one line in the format of report.lua. Requests that find MAX_IN_FLIGHT requests
 * still open are counted as socket errors (the server is past saturation) and not sent.
 * The first OPEN_WARMUP_SECONDS (5) run at the same rate and are not counted: the client's own
 * connections and JIT warm up there (counted, they made the first second of every phase its
 * slowest 1 %); RESULT says from when it counted (from_ms, epoch ms). With OPEN_TRACE set,
 * writes each request's due time (epoch ms) and latency (ms) to that file, for bench/stalls.py
 * to line the slow ones up with what the server did at the time.
 */
public class OpenLoop {

    static final int MAX_IN_FLIGHT = 512;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String key = args[1];
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        long phoneBase = Long.parseLong(args[4]);
        int warmup =
                (int) Math.round(rate * Integer.parseInt(System.getenv().getOrDefault("OPEN_WARMUP_SECONDS", "5")));
        int total = warmup + (int) Math.round(rate * seconds);
        long intervalNanos = (long) (1e9 / rate);

        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        var inFlight = new Semaphore(MAX_IN_FLIGHT);
        var latencies = new ConcurrentLinkedQueue<Long>();
        var trace = new ConcurrentLinkedQueue<String>();
        long epochOffsetNanos = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
        var non2xx = new AtomicLong();
        var failed = new AtomicLong();
        long begin = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = begin + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!inFlight.tryAcquire()) {
                if (i >= warmup) {
                    failed.incrementAndGet();
                }
                continue;
            }
            String phone = String.format("+447400%06d", (phoneBase + i) % 1_000_000);
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\"}"))
                    .build();
            boolean counted = i >= warmup;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                inFlight.release();
                if (!counted) {
                    return;
                }
                long latency = System.nanoTime() - due;
                latencies.add(latency);
                trace.add((due + epochOffsetNanos) / 1_000_000 + "\t" + latency / 1e6);
                if (error != null) {
                    failed.incrementAndGet();
                } else if (response.statusCode() / 100 != 2) {
                    non2xx.incrementAndGet();
                }
            });
        }
        inFlight.acquire(MAX_IN_FLIGHT);
        String traceFile = System.getenv("OPEN_TRACE");
        if (traceFile != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(traceFile), trace);
        }
        long countedFrom = begin + warmup * intervalNanos;
        double elapsed = (System.nanoTime() - countedFrom) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                java.util.Locale.ROOT,
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

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static {
        // keep-alive connections are reused; allow as many as requests can be open at once
        System.setProperty("jdk.httpclient.connectionPoolSize", String.valueOf(MAX_IN_FLIGHT));
    }
}
