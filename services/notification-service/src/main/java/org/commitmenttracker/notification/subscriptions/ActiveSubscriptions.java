package org.commitmenttracker.notification.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.commitmenttracker.notification.matching.MatchIndex;
import org.commitmenttracker.notification.matching.Occurrence;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * This replica's in-memory view of the active subscriptions and their {@link MatchIndex}. Loaded in full at
 * start-up; afterwards every write made here is applied at once, and writes made by other replicas are
 * picked up by polling the subscriptions changed since the previous poll (minus an overlap that absorbs
 * clock skew between replicas and writes still in flight). So another replica's change is seen within
 * {@code refresh-interval} (+ the store's write latency); the overlap only re-reads, it never delays.
 */
@Component
public class ActiveSubscriptions implements InitializingBean, SchedulingConfigurer {
    private final SubscriptionStore store;
    private final Duration interval;
    private final Duration overlap;
    private final MatchIndex index = new MatchIndex();
    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();
    private volatile Instant polledFrom = Instant.EPOCH;

    public ActiveSubscriptions(SubscriptionStore store,
                               RefreshSettings settings) {
        this.store = store;
        this.interval = settings.refreshInterval();
        this.overlap = settings.refreshOverlap();
    }

    @Override
    public void afterPropertiesSet() {
        Instant started = Instant.now();
        store.all().forEach(this::apply);
        polledFrom = started.minus(overlap);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, interval, interval));
    }

    public void refresh() {
        Instant started = Instant.now();
        store.changedSince(polledFrom).forEach(this::apply);
        polledFrom = started.minus(overlap);
    }

    /** Takes a subscription as written (here or elsewhere); a copy older than the one last applied is ignored. */
    public synchronized void apply(Subscription subscription) {
        // Tombstones and disabled ones are remembered too, so a stale active copy read later cannot revive them.
        Instant applied = lastWritten.get(subscription.id());
        if (applied != null && applied.isAfter(subscription.updatedAt())) {
            return;
        }
        lastWritten.put(subscription.id(), subscription.updatedAt());
        if (subscription.active()) {
            byId.put(subscription.id(), subscription);
            index.put(subscription.id(), subscription.filter());
        } else {
            byId.remove(subscription.id());
            index.remove(subscription.id());
        }
    }

    /** The active subscriptions whose filter matches. */
    public List<Subscription> matching(Occurrence occurrence) {
        List<String> ids = index.match(occurrence);
        List<Subscription> matched = new ArrayList<>(ids.size());
        for (String id : ids) {
            Subscription subscription = byId.get(id);
            if (subscription != null) {
                matched.add(subscription);
            }
        }
        return matched;
    }

    /** The active subscription {@code id}, as this replica knows it. */
    public Optional<Subscription> active(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return index.size();
    }
}
