package org.commitmenttracker.registry.agencies;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An in-process copy of a small collection that is read far more often than written: reloaded when older than
 * its TTL and dropped at once by {@link #invalidate()} (a write on this replica). A write on another replica is
 * therefore seen here within the TTL.
 */
final class CachedSnapshot<T> {
    private final Supplier<T> loader;
    private final long ttlNanos;
    private final AtomicLong writes = new AtomicLong();
    private volatile Loaded<T> loaded;

    /** The value as loaded at {@code loadedAt} ({@link System#nanoTime()}), after {@code writes} writes. */
    private record Loaded<T>(T value, long loadedAt, long writes) {
    }

    CachedSnapshot(Supplier<T> loader, Duration ttl) {
        this.loader = loader;
        this.ttlNanos = ttl.toNanos();
    }

    T current() {
        Loaded<T> cached = loaded;
        if (cached != null && cached.writes() == writes.get() && System.nanoTime() - cached.loadedAt() < ttlNanos) {
            return cached.value();
        }
        // A write while this loads makes the copy stale at once: the next read loads again.
        long writesBefore = writes.get();
        long loadedAt = System.nanoTime();
        Loaded<T> fresh = new Loaded<>(loader.get(), loadedAt, writesBefore);
        loaded = fresh;
        return fresh.value();
    }

    /** After a write on this replica: the next read loads again. */
    void invalidate() {
        writes.incrementAndGet();
    }
}
