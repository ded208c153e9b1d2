package dev.ringproof.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

/** Runs tasks on a thread each, all at once, and answers their results in the tasks' order. */
final class InParallel {

    private InParallel() {}

    /** The results of {@code tasks}, each run on its own thread; the first task that threw fails the whole. */
    static <T> List<T> all(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        var pool = Executors.newFixedThreadPool(Math.max(1, tasks.size()));
        try {
            List<T> results = new ArrayList<>();
            for (var future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code count} runs of the same {@code task} at once. */
    static <T> List<T> times(int count, Callable<T> task) throws InterruptedException, ExecutionException {
        return all(Collections.nCopies(count, task));
    }
}
