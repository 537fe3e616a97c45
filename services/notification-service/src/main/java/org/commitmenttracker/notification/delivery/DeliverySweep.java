package org.commitmenttracker.notification.delivery;

import java.time.Instant;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds in the store the deliveries that nobody here is working on but that are due: retries persisted
 * before a restart, deliveries whose worker died (expired lease), work another replica left. At start-up
 * and then every {@code tracker.webhooks.sweep-interval}.
 */
@Component
class DeliverySweep implements ApplicationRunner {
    private static final int BATCH = 10_000;
    private final DeliveryStore store;
    private final DeliveryWorker worker;

    DeliverySweep(DeliveryStore store, DeliveryWorker worker) {
        this.store = store;
        this.worker = worker;
    }

    @Override
    public void run(ApplicationArguments args) {
        sweep();
    }

    @Scheduled(fixedDelayString = "${tracker.webhooks.sweep-interval:5s}", initialDelayString = "${tracker.webhooks.sweep-interval:5s}")
    public void sweep() {
        store.claimable(Instant.now(), BATCH).forEach(worker::submit);
    }
}
