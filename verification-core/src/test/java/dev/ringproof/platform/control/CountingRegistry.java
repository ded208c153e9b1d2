package dev.ringproof.platform.control;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A MetricRegistry for unit tests that keeps only counters, as {@code name{tag=value,...}} to
 * count; any other call fails the test.
 */
public final class CountingRegistry {

    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    public MetricRegistry registry() {
        return (MetricRegistry) Proxy.newProxyInstance(
                MetricRegistry.class.getClassLoader(), new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("counter")
                            && args.length == 2
                            && args[0] instanceof String name
                            && args[1] instanceof Tag[] tags) {
                        return counter(key(name, tags));
                    }
                    throw new UnsupportedOperationException(method.toString());
                });
    }

    public long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    public Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    private Counter counter(String key) {
        return (Counter) Proxy.newProxyInstance(
                Counter.class.getClassLoader(), new Class<?>[] {Counter.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "inc" -> counts.merge(key, args == null ? 1L : (Long) args[0], Long::sum);
                        case "getCount" -> {
                            return count(key);
                        }
                        default -> throw new UnsupportedOperationException(method.toString());
                    }
                    return null;
                });
    }

    private static String key(String name, Tag[] tags) {
        return name
                + Arrays.stream(tags)
                        .map(t -> t.getTagName() + "=" + t.getTagValue())
                        .sorted()
                        .collect(Collectors.joining(",", "{", "}"));
    }
}
