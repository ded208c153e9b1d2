package dev.ringproof.platform.control;

import java.util.Map;

/**
 * How a request reads a cached entity (META-INF/eclipselink-orm.xml) that it only looks at: as
 * the shared cache holds it (EclipseLink's read-only hint), not as a copy registered with the
 * transaction. Every start reads its api key, its tenant and, per call, the caller number's pool;
 * registering each copy took a read lock on the cache entry whose bookkeeping alone (EclipseLink
 * builds a trace message per lock) was 1.6 % of a start's CPU. Whatever is read so must never be
 * changed: a change would reach the shared cache and no table.
 */
public final class CachedReads {

    /** The properties of {@code EntityManager.find} for such a read. */
    public static final Map<String, Object> AS_CACHED = Map.of("eclipselink.read-only", "true");

    private CachedReads() {}
}
