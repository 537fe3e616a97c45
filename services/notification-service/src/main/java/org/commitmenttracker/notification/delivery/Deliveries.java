package org.commitmenttracker.notification.delivery;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/** Where the consumer hands over webhook deliveries: persisted and queued in their lanes before they are sent. */
@Service
public class Deliveries {
    private final DeliveryStore store;
    private final DeliveryWorker worker;

    public Deliveries(DeliveryStore store, DeliveryWorker worker) {
        this.store = store;
        this.worker = worker;
    }

    /**
     * Persists the deliveries of one event and queues them. Called by the consumer in event order, so that
     * the lanes take deliveries in the order the events came; once this returns, a crash loses nothing.
     */
    public void enqueue(List<Delivery> deliveries) {
        Map<String, Delivery> byId = deliveries.stream().collect(Collectors.toMap(Delivery::id, Function.identity()));
        List<Delivery> open = store.insertNew(deliveries).stream().map(byId::get).toList();
        store.joinLanes(open);
        open.forEach(delivery -> worker.submit(delivery.id()));
    }
}
