package dev.ringproof.system;

import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The system tests' one way to wait for what the server does later (Awaitility, polling every
 * 200 ms): for a state to come, or for one to last. A wait that runs out fails the test with
 * what it waited for and the last value it saw; no test sleeps and then asserts.
 */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(200);

    private Eventually() {}

    /**
     * Asks {@code probe} until {@code done} accepts its answer, and returns that answer; fails
     * after {@code patience}, naming {@code what} and the last answer.
     */
    static <T> T until(String what, Duration patience, Callable<T> probe, Predicate<? super T> done) {
        var last = new AtomicReference<T>();
        try {
            return await(what)
                    .atMost(patience)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(remembering(probe, last), done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "waited " + patience.toSeconds() + " s for " + what + "; last seen: " + last.get(), e);
        }
    }

    /**
     * Asks {@code probe} for the whole of {@code time} and fails as soon as {@code ok} refuses
     * an answer (a message that must not arrive, a state that must not change); returns the last.
     */
    static <T> T stays(String what, Duration time, Callable<T> probe, Predicate<? super T> ok) {
        var last = new AtomicReference<T>();
        try {
            await(what)
                    .during(time)
                    .atMost(time.plusSeconds(5))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(remembering(probe, last), answer -> {
                        if (!ok.test(answer)) {
                            throw new AssertionError("not " + what + ": " + answer);
                        }
                        return true;
                    });
            return last.get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "could not watch " + what + " for " + time.toSeconds() + " s; last seen: " + last.get(), e);
        }
    }

    /** Waits until {@code base}'s /health/ready answers 200; a closed port counts as not yet. */
    static void ready(URI base, String what, Duration patience) {
        var http = new Http().on(base);
        try {
            await(what)
                    .atMost(patience)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(() -> http.get("health/ready").statusCode() == 200);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + " did not answer ready within " + patience.toSeconds() + " s", e);
        }
    }

    private static <T> Callable<T> remembering(Callable<T> probe, AtomicReference<T> last) {
        return () -> {
            T answer = probe.call();
            last.set(answer);
            return answer;
        };
    }
}
