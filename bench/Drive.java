import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop starts from CLIENTS threads for SECONDS, one line per answer on stdout for the
 * drills to judge: {@code <epoch ms> <status> <content type> <problem code or -> <leak 0|1> <verification id of a 201 or ->}.
 *
 *   java bench/Drive.java URL KEY CLIENTS SECONDS PHONE_BASE
 */
public class Drive {

    static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([a-z_]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(vf_[^\"]+)\"");
    static final Pattern LEAK = Pattern.compile(
            "(?i)(exception|\\tat |org\\.postgresql|eclipse\\.persistence|sqlstate|java\\.lang|jakarta\\.|"
                    + "dev\\.ringproof\\.|<html|stack ?trace)");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String key = args[1];
        int clients = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        long phoneBase = Long.parseLong(args[4]);
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long begin = System.nanoTime();
        long end = begin + seconds * 1_000_000_000L;
        var counter = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            var thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long n = counter.incrementAndGet();
                    String phone = String.format("+447402%06d", (phoneBase + n) % 1_000_000);
                    var request = HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\"}"))
                            .build();
                    String line;
                    try {
                        var answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        Matcher code = CODE.matcher(answer.body());
                        String id = answer.statusCode() == 201
                                ? ID.matcher(answer.body())
                                        .results()
                                        .findFirst()
                                        .map(r -> r.group(1))
                                        .orElse("-")
                                : "-";
                        line = answer.statusCode() + " "
                                + answer.headers()
                                        .firstValue("Content-Type")
                                        .orElse("-")
                                        .replace(' ', '_') + " "
                                + (answer.statusCode() >= 400 && code.find() ? code.group(1) : "-")
                                + " " + (LEAK.matcher(answer.body()).find() ? 1 : 0) + " " + id;
                    } catch (Exception e) {
                        line = "000 - - 0 -";
                        sleep();
                    }
                    synchronized (System.out) {
                        System.out.println(System.currentTimeMillis() + " " + line);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.flush();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
