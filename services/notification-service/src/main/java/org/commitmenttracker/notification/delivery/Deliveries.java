package org.commitmenttracker.notification.delivery;

import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.notification.webhook.WebhookSettings;
import org.springframework.stereotype.Service;

/** Where the consumer hands over webhook deliveries: persisted and queued in their lanes before they are sent. */
@Service
public class Deliveries {
    private final DeliveryStore store;
    private final DeliveryWorker worker;
    private final WebhookSettings settings;

    public Deliveries(DeliveryStore store, DeliveryWorker worker, WebhookSettings settings) {
        this.store = store;
        this.worker = worker;
        this.settings = settings;
    }

    /**
     * Persists the deliveries of one event and queues them. Called by the consumer in event order, so that
     * the lanes take deliveries in the order the events came; once this returns, a crash loses nothing.
     * New deliveries are stored claimed by this replica (leased, like any claim): one that opens its lane
     * (the common case, nothing pending for that subscription and commitment) goes to a sender as it is,
     * without being read back or claimed again; the others release their claim and wait for their turn.
     */
    public void enqueue(List<Delivery> deliveries) {
        Instant leaseUntil = Instant.now().plus(settings.lease());
        DeliveryStore.Inserted inserted = store.insertNew(deliveries.stream().map(d -> d.claimedAtCreation(leaseUntil)).toList());
        List<Delivery> first = store.openLanes(inserted.created());
        first.forEach(worker::start);
        if (first.size() < inserted.created().size()) {
            Set<Delivery> started = Collections.newSetFromMap(new IdentityHashMap<>());
            started.addAll(first);
            Instant now = Instant.now();
            for (Delivery waiting : inserted.created()) {
                if (!started.contains(waiting) && store.release(waiting.id(), waiting.claim(), now)) {
                    worker.submit(waiting.id());
                }
            }
        }
        inserted.reopened().forEach(worker::submit);
    }
}
