package org.commitmenttracker.notification.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An in-memory index of subscription filters, so that an event is matched against the few subscriptions
 * that could want it instead of all of them.
 *
 * <p>Each filter is filed under the values of its most selective non-empty criterion (its <em>anchor</em>:
 * commitment ids before document ids before agencies… before event kinds); a filter without any anchorable
 * criterion is a <em>wildcard</em>, checked for every event. An event looks up the keys of its own values and
 * checks only those candidates (plus the wildcards) with the full filter. Thread-safe: many concurrent
 * matches, updates exclusive.
 */
public final class MatchIndex {
    private final Map<String, SubscriptionFilter> filters = new HashMap<>();
    private final Map<String, Map<String, SubscriptionFilter>> byKey = new HashMap<>();
    private final Map<String, SubscriptionFilter> wildcards = new LinkedHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Adds or replaces the filter of subscription {@code id}. */
    public void put(String id, SubscriptionFilter filter) {
        lock.writeLock().lock();
        try {
            detach(id);
            filters.put(id, filter);
            List<String> keys = Anchor.keysOf(filter);
            if (keys.isEmpty()) {
                wildcards.put(id, filter);
            }
            for (String key : keys) {
                byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(id, filter);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void remove(String id) {
        lock.writeLock().lock();
        try {
            detach(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The ids of the subscriptions whose filter matches {@code occurrence}, each once. */
    public List<String> match(Occurrence occurrence) {
        List<String> matched = new ArrayList<>();
        lock.readLock().lock();
        try {
            collect(wildcards, occurrence, matched);
            // A filter anchored on a multi-valued criterion is filed under each of its values, so an event with
            // several of those values can reach it more than once: keep the first.
            Set<String> seen = null;
            for (String key : Anchor.keysOf(occurrence)) {
                Map<String, SubscriptionFilter> candidates = byKey.get(key);
                if (candidates == null) {
                    continue;
                }
                if (Anchor.isMultiValued(key)) {
                    seen = seen == null ? new HashSet<>() : seen;
                    for (Map.Entry<String, SubscriptionFilter> candidate : candidates.entrySet()) {
                        if (candidate.getValue().matches(occurrence) && seen.add(candidate.getKey())) {
                            matched.add(candidate.getKey());
                        }
                    }
                } else {
                    collect(candidates, occurrence, matched);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return matched;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return filters.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private static void collect(Map<String, SubscriptionFilter> candidates, Occurrence occurrence, List<String> matched) {
        for (Map.Entry<String, SubscriptionFilter> candidate : candidates.entrySet()) {
            if (candidate.getValue().matches(occurrence)) {
                matched.add(candidate.getKey());
            }
        }
    }

    private void detach(String id) {
        SubscriptionFilter previous = filters.remove(id);
        if (previous == null) {
            return;
        }
        wildcards.remove(id);
        for (String key : Anchor.keysOf(previous)) {
            Map<String, SubscriptionFilter> filed = byKey.get(key);
            if (filed != null) {
                filed.remove(id);
                if (filed.isEmpty()) {
                    byKey.remove(key);
                }
            }
        }
    }
}
