package org.commitmenttracker.notification.batching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.notification.delivery.Deliveries;
import org.commitmenttracker.notification.delivery.Delivery;
import org.commitmenttracker.notification.email.EmailChannel;
import org.commitmenttracker.notification.email.EmailSettings;
import org.commitmenttracker.notification.noise.BatchItem;
import org.commitmenttracker.notification.subscriptions.Email;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.subscriptions.SubscriptionService;
import org.commitmenttracker.notification.webhook.WebhookBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * Grouped and digest alerts, and every e-mail: persisted in {@link AlertBatch}es and sent when their earliest
 * item is due, as one message per batch and channel. A timer here fires at each appended item's due time; the
 * sweep ({@code tracker.alerts.batch-sweep-interval}, and at start-up) finds what a restart or another replica
 * left. Whoever claims the batch ({@code {_id, claim}}) sends it: webhooks become one delivery (a single alert
 * keeps its ordinary body, several go as {@value WebhookBody#GROUPED}) handed to the delivery queue with its
 * retries; e-mails go to the {@link EmailChannel}, a transient failure retried after
 * {@code tracker.email.retry-delay}, a permanent one stopping the address.
 */
@Service
@EnableConfigurationProperties(BatchSettings.class)
public class Batches implements ApplicationRunner, SchedulingConfigurer, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(Batches.class);
    private static final int SWEEP_LIMIT = 1_000;
    /** Timers only for batches due this soon (group windows); digests are left to the sweep, a few seconds late at most. */
    private static final Duration TIMED_WITHIN = Duration.ofHours(1);
    private final BatchStore store;
    private final Deliveries deliveries;
    private final EmailChannel email;
    private final SubscriptionService subscriptions;
    private final Clock clock;
    private final BatchSettings settings;
    private final Duration emailRetryDelay;
    private final ExecutorService senders = Executors.newFixedThreadPool(4, named("alert-batch-sender"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("alert-batch-timer"));

    public Batches(BatchStore store, Deliveries deliveries, EmailChannel email, SubscriptionService subscriptions,
                   Clock clock, BatchSettings settings, EmailSettings emailSettings) {
        this.store = store;
        this.deliveries = deliveries;
        this.email = email;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.settings = settings;
        this.emailRetryDelay = emailSettings.retryDelay();
    }

    /** Persists alerts in their batches (once this returns, a crash loses none) and times each batch's send. */
    public void add(List<BatchStore.Append> appends) {
        store.append(appends);
        Map<String, Instant> earliest = new LinkedHashMap<>();
        appends.forEach(append -> earliest.merge(AlertBatch.idOf(append.subscriptionId(), append.channel()),
                append.item().dueAt(), (a, b) -> a.isBefore(b) ? a : b));
        Instant now = clock.instant();
        earliest.forEach((id, due) -> {
            Duration delay = Duration.between(now, due);
            if (delay.compareTo(TIMED_WITHIN) <= 0) {
                later(id, delay);
            }
        });
    }

    @Override
    public void run(ApplicationArguments args) {
        sweep();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, settings.batchSweepInterval(), settings.batchSweepInterval()));
    }

    /** Sends every batch that is due and not held by a live claim. */
    public void sweep() {
        Instant now = clock.instant();
        for (AlertBatch batch : store.claimable(now, SWEEP_LIMIT)) {
            submit(() -> send(batch));
        }
    }

    private void later(String id, Duration delay) {
        try {
            timer.schedule(() -> submit(() -> store.find(id).filter(b -> b.claimableAt(clock.instant())).ifPresent(this::send)),
                    Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // persisted: the sweep of the next start finds it
        }
    }

    private void submit(Runnable work) {
        try {
            senders.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Alert batch not sent now (the sweep tries again): {}", e.toString());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // persisted: the sweep of the next start finds it
        }
    }

    /** Claims {@code read} and sends what it holds then on its channel. */
    private void send(AlertBatch read) {
        Instant now = clock.instant();
        Optional<AlertBatch> claimed = store.claim(read.id(), read.claim(), now.plus(settings.batchLease()));
        if (claimed.isEmpty() || claimed.get().items().isEmpty()) {
            return;
        }
        AlertBatch batch = claimed.get();
        List<BatchItem> items = batch.distinctItems();
        Optional<Subscription> subscription = subscriptions.active(batch.subscriptionId());
        if (batch.channel() == Channel.WEBHOOK && subscription.map(Subscription::webhook).isPresent()) {
            deliveries.enqueue(webhookDeliveries(batch, items, now));
        } else if (batch.channel() == Channel.EMAIL && subscription.filter(Subscription::mails).isPresent()) {
            EmailChannel.Outcome outcome = email.sendAlerts(subscription.get(), items);
            if (outcome.transientFailure()) {
                store.retryAt(batch.id(), batch.claim(), now.plus(emailRetryDelay));
                later(batch.id(), emailRetryDelay.plusMillis(1));
                return;
            }
            if (outcome.permanentFailure()) {
                // (unless the owner gave another address meanwhile: the bounce was the old one's)
                subscriptions.changeEmail(batch.subscriptionId(), subscription.get().email().nonce(),
                        address -> address.stopped(Email.State.BOUNCED, outcome.reason()));
            }
        }
        // Sent, or with nowhere to go any more (the alerts stay in the feed): they leave the batch.
        store.settle(batch.id(), AlertBatch.alertIds(items));
    }

    private static List<Delivery> webhookDeliveries(AlertBatch batch, List<BatchItem> items, Instant now) {
        BatchItem first = items.get(0);
        String traceparent = Traceparent.childOf(first.traceparent());
        if (items.size() == 1) {
            return List.of(Delivery.of(first.eventId(), batch.owner(), batch.subscriptionId(),
                    (String) first.data().get("commitmentId"), first.type(),
                    WebhookBody.of(first.type(), first.occurredAt(), first.data()), traceparent, now));
        }
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (BatchItem item : items) {
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("type", item.type());
            alert.put("timestamp", item.occurredAt().toString());
            item.data().forEach((key, value) -> {
                if (!key.equals("subscriptionId")) {
                    alert.put(key, value);
                }
            });
            alerts.add(alert);
        }
        List<Delivery> grouped = new ArrayList<>();
        for (WebhookBody.Grouped body : WebhookBody.grouped(now, batch.subscriptionId(), alerts)) {
            grouped.add(Delivery.grouped(body.eventIds(), batch.owner(), batch.subscriptionId(), body.body(), traceparent, now));
        }
        return grouped;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        senders.shutdownNow(); // a claimed batch is sent again by the sweep after its lease
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
