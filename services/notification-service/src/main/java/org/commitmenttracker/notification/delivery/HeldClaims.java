package org.commitmenttracker.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.commitmenttracker.notification.webhook.WebhookSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The delivery claims this replica holds, with their leases renewed in the store every third of
 * {@code tracker.webhooks.lease} for as long as it holds them (a heartbeat). A live replica therefore keeps a
 * claim however long its delivery waits for a sender, a host permit, its receiver or the attempt's record, so a
 * slow replica never has a delivery taken from it and sent twice; and the lease can be short, so that the claims
 * of a replica that died are free again within one lease (plus a sweep). A claim is held from the moment it is
 * taken until the attempt under it is recorded or the claim is given back; one held longer than
 * {@link #MAX_HOLD} is no longer renewed (a safety net: a claim some path failed to let go of expires like the
 * claim of a dead replica, and the sweep sends its delivery).
 */
@Component
public class HeldClaims implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(HeldClaims.class);
    static final Duration MAX_HOLD = Duration.ofMinutes(10);

    private record Held(long claim, Instant since) {
    }

    private final DeliveryStore store;
    private final Duration lease;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-lease-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public HeldClaims(DeliveryStore store, WebhookSettings settings) {
        this.store = store;
        this.lease = settings.lease();
        long every = Math.max(1, lease.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** The lease a claim taken now gets (renewed while held). */
    Instant leaseFrom(Instant now) {
        return now.plus(lease);
    }

    void hold(String id, long claim) {
        held.put(id, new Held(claim, Instant.now()));
    }

    /** Whether claim {@code claim} of delivery {@code id} is held here and not known to be lost. */
    boolean holds(String id, long claim) {
        Held current = held.get(id);
        return current != null && current.claim() == claim;
    }

    /** Stops renewing claim {@code claim} of {@code id} (recorded, given back, lost or abandoned). */
    void letGo(String id, long claim) {
        held.computeIfPresent(id, (key, current) -> current.claim() == claim ? null : current);
    }

    int size() {
        return held.size();
    }

    private void renew() {
        if (held.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Map<String, Long> renewing = new java.util.HashMap<>();
        held.forEach((id, current) -> {
            if (Duration.between(current.since(), now).compareTo(MAX_HOLD) < 0) {
                renewing.put(id, current.claim());
            } else {
                log.warn("Delivery {} held for over {} without being recorded: its lease is no longer renewed", id, MAX_HOLD);
                letGo(id, current.claim());
            }
        });
        try {
            store.renewLeases(renewing, leaseFrom(now)).forEach(lost -> letGo(lost, renewing.get(lost)));
        } catch (RuntimeException e) {
            // The store is unreachable: nobody can take the claims meanwhile; the next heartbeat renews them.
            log.debug("Leases not renewed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
    }
}
