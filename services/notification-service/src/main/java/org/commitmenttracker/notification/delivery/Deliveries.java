package org.commitmenttracker.notification.delivery;

import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

/** Where the consumer hands over webhook deliveries: persisted and queued in their lanes before they are sent. */
@Service
public class Deliveries {
    private final DeliveryStore store;
    private final DeliveryLanes lanes;
    private final DeliveryWorker worker;
    private final HeldClaims claims;

    public Deliveries(DeliveryStore store, DeliveryLanes lanes, DeliveryWorker worker, HeldClaims claims) {
        this.store = store;
        this.lanes = lanes;
        this.worker = worker;
        this.claims = claims;
    }

    /**
     * Persists the deliveries of one event and queues them. Called by the consumer in event order, so that
     * the lanes take deliveries in the order the events came; once this returns, a crash loses nothing.
     * New deliveries are stored claimed by this replica (leased and held, like any claim): one that opens its
     * lane (the common case, nothing pending for that subscription and commitment) goes to a sender as it is,
     * without being read back or claimed again; the others release their claim and wait for their turn. If
     * anything fails on the way, the claims not handed to a sender are let go: their leases run out and the
     * sweep (or the redelivered event) takes them.
     */
    public void enqueue(List<Delivery> deliveries) {
        Instant now = Instant.now();
        DeliveryStore.Inserted inserted = store.insertNew(deliveries.stream().map(d -> d.claimedAtCreation(claims.leaseFrom(now))).toList());
        inserted.created().forEach(d -> claims.hold(d.id(), d.claim()));
        Set<Delivery> started = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            for (Delivery first : lanes.open(inserted.created())) {
                if (worker.start(first)) {
                    started.add(first);
                }
            }
            for (Delivery waiting : inserted.created()) {
                if (!started.contains(waiting) && store.release(waiting.id(), waiting.claim(), Instant.now())) {
                    worker.submit(waiting.id());
                }
            }
        } finally {
            inserted.created().stream().filter(d -> !started.contains(d)).forEach(d -> claims.letGo(d.id(), d.claim()));
        }
        inserted.reopened().forEach(worker::submit);
    }
}
