package org.commitmenttracker.notification.delivery;

import java.time.Duration;
import java.time.Instant;

import org.commitmenttracker.notification.webhook.WebhookSettings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Finds in the store the deliveries that nobody here is working on but that are due: retries persisted
 * before a restart, deliveries whose worker died (expired lease), work another replica left. At start-up
 * and then every {@code tracker.webhooks.sweep-interval}.
 */
@Component
class DeliverySweep implements ApplicationRunner, SchedulingConfigurer {
    private static final int BATCH = 10_000;
    private final DeliveryStore store;
    private final DeliveryWorker worker;
    private final Duration interval;

    DeliverySweep(DeliveryStore store, DeliveryWorker worker, WebhookSettings settings) {
        this.store = store;
        this.worker = worker;
        this.interval = settings.sweepInterval();
    }

    @Override
    public void run(ApplicationArguments args) {
        sweep();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
    }

    public void sweep() {
        store.claimable(Instant.now(), BATCH).forEach(worker::submit);
    }
}
