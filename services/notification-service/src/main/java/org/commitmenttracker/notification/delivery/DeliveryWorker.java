package org.commitmenttracker.notification.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.commitmenttracker.notification.secrets.SecretCipher;
import org.commitmenttracker.notification.subscriptions.ActiveSubscriptions;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.subscriptions.SubscriptionService;
import org.commitmenttracker.notification.subscriptions.SubscriptionStore;
import org.commitmenttracker.notification.webhook.WebhookClient;
import org.commitmenttracker.notification.webhook.WebhookRequest;
import org.commitmenttracker.notification.webhook.WebhookResponse;
import org.commitmenttracker.notification.webhook.WebhookSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Works the delivery queue of this replica: sends a delivery when it is due, its turn in its lane has come
 * and its host has a free slot; logs the attempt; retries on the {@link RetrySchedule}. Work arrives from the
 * consumer (new deliveries, at once), from the lane (the next delivery after one finished), from its own
 * timer (retries, deferrals) and from the {@link DeliverySweep} (what a restart or another replica left).
 * The store decides who sends: a delivery is sent only by the worker whose claim succeeded.
 */
@Component
public class DeliveryWorker implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final ActiveSubscriptions active;
    private final SubscriptionStore subscriptions;
    private final SubscriptionService subscriptionService;
    private final WebhookClient client;
    private final WebhookSettings settings;
    private final RetrySchedule schedule;
    private final HostGuards guards;
    private final MeterRegistry meters;
    private final SecretCipher cipher;
    private final HeldClaims claims;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final ExecutorService senders;
    private final ScheduledExecutorService timer;
    private final AttemptRecorder recorder = new AttemptRecorder(this::recorded);
    /** Ids submitted or timed here and not yet started, so the sweep does not queue them twice. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** Subscriptions with a retry this replica scheduled: their receiver failed, and may come back. */
    private final Set<String> retrying = ConcurrentHashMap.newKeySet();

    public DeliveryWorker(DeliveryStore store, ActiveSubscriptions active, SubscriptionStore subscriptions,
                          SubscriptionService subscriptionService, WebhookClient client, WebhookSettings settings,
                          MeterRegistry meters, SecretCipher cipher, HeldClaims claims) {
        this.cipher = cipher;
        this.claims = claims;
        this.store = store;
        this.active = active;
        this.subscriptions = subscriptions;
        this.subscriptionService = subscriptionService;
        this.client = client;
        this.settings = settings;
        this.schedule = new RetrySchedule(settings.retryDelays(), settings.retryJitter());
        this.guards = new HostGuards(settings, meters);
        this.meters = meters;
        this.senders = Executors.newFixedThreadPool(settings.senderThreads(), named("webhook-sender"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("webhook-timer"));
    }

    /** Looks at delivery {@code id} as soon as a sender is free. */
    public void submit(String id) {
        if (queued.add(id)) {
            try {
                senders.execute(() -> {
                    queued.remove(id);
                    work(id);
                });
            } catch (RejectedExecutionException shuttingDown) {
                queued.remove(id); // the sweep of the next start picks it up from the store
            }
        }
    }

    /**
     * Sends {@code created} as soon as a sender is free, without reading it back: it was just inserted
     * claimed by this replica ({@link Delivery#claimedAtCreation}, held in {@link HeldClaims}) and opened its
     * lane, so it is first in line.
     *
     * @return false if it is queued here already (the caller still holds its claim)
     */
    public boolean start(Delivery created) {
        if (!queued.add(created.id())) {
            return false;
        }
        send(created, true, () -> queued.remove(created.id()));
        return true;
    }

    /**
     * Attempts {@code delivery} on a sender thread. One created claimed here ({@code createdHere}) is sent under
     * that claim while this replica still holds it (its lease is renewed however long it waits for a sender or
     * its host); if the claim was lost meanwhile it is claimed again, or found taken, like any delivery read
     * from the store.
     */
    private void send(Delivery delivery, boolean createdHere, Runnable onStart) {
        try {
            senders.execute(() -> {
                onStart.run();
                boolean held = createdHere && claims.holds(delivery.id(), delivery.claim());
                try {
                    attempt(delivery, Instant.now(), held);
                } catch (RuntimeException e) {
                    if (held) {
                        claims.letGo(delivery.id(), delivery.claim()); // its lease runs out and the sweep takes it
                    }
                    log.warn("Delivery {} not worked on: {}", delivery.id(), e.toString());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            onStart.run(); // persisted: the sweep of the next start picks it up from the store
        }
    }

    private void later(String id, Duration delay) {
        try {
            timer.schedule(() -> submit(id), Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // persisted as pending: the sweep finds it
        }
    }

    private void work(String id) {
        try {
            store.find(id).ifPresent(this::work);
        } catch (RuntimeException e) {
            // The store or the client failed unexpectedly: leave it to the sweep rather than lose the thread.
            log.warn("Delivery {} not worked on: {}", id, e.toString());
        }
    }

    private void work(Delivery delivery) {
        Instant now = Instant.now();
        if (delivery.state().isFinal()) {
            leaveLaneIfHead(delivery);
            return;
        }
        if (!delivery.claimableAt(now)) {
            if (delivery.state() == DeliveryState.PENDING) {
                later(delivery.id(), Duration.between(now, delivery.dueAt()));
            }
            return; // SENDING under a live lease: its worker finishes it, or the sweep after the lease
        }
        if (!isItsTurn(delivery)) {
            return; // the delivery ahead of it submits it when it finishes
        }
        attempt(delivery, now, false);
    }

    /**
     * Sends {@code delivery} (first in its lane) and settles the attempt: after claiming it with the claim
     * counter it was read with, or at once when this replica already holds that claim ({@code held}).
     */
    private void attempt(Delivery delivery, Instant now, boolean held) {
        Optional<Subscription> subscription = subscriptionOf(delivery.subscriptionId());
        if (subscription.isEmpty() || subscription.get().webhook() == null) {
            boolean killed = store.kill(delivery.id(), delivery.claim(), "subscription disabled, deleted or without webhook", now);
            claims.letGo(delivery.id(), delivery.claim());
            if (killed) {
                next(delivery);
            }
            return;
        }
        URI url = URI.create(subscription.get().webhook().url());
        // A host busy with as many requests as its bulkhead allows: the delivery waits for one of them to end,
        // holding no thread and no store round trip.
        HostGuards.Permit permit = guards.tryAcquire(url.getHost() + ":" + url.getPort(), () -> send(delivery, held, () -> { }));
        if (permit == HostGuards.PARKED) {
            return;
        }
        if (permit == null) {
            // A delivery read as sending (created claimed here, or left by a worker whose lease ran out) is pending
            // again first, even when its creation claim no longer covers an attempt: else nobody would take it
            // before that claim's lease ends.
            boolean pending = delivery.state() == DeliveryState.PENDING || store.release(delivery.id(), delivery.claim(), now.plus(settings.deferral()));
            claims.letGo(delivery.id(), delivery.claim());
            if (pending) {
                later(delivery.id(), settings.deferral());
            }
            return;
        }
        Optional<Delivery> claimed;
        try {
            claimed = held ? Optional.of(delivery) : store.claim(delivery.id(), delivery.claim(), claims.leaseFrom(now));
        } catch (RuntimeException e) {
            permit.unused();
            throw e;
        }
        if (claimed.isEmpty()) {
            permit.unused();
            return;
        }
        claims.hold(claimed.get().id(), claimed.get().claim());
        WebhookResponse response;
        try {
            // The client answers every failure with a response (status 0 and the error), it does not throw.
            response = client.send(new WebhookRequest(url, delivery.id(), Instant.now().getEpochSecond(),
                    delivery.body().getBytes(StandardCharsets.UTF_8), subscription.get().webhook().signingSecrets(Instant.now(), cipher),
                    delivery.traceparent()));
        } catch (RuntimeException e) {
            permit.unused();
            claims.letGo(claimed.get().id(), claimed.get().claim()); // not sent: its lease runs out and the sweep tries again
            throw e;
        }
        permit.completed(response);
        settle(claimed.get(), response);
    }

    /** Decides what the attempt means (delivered, retried later, or dead) and hands it to the recorder. */
    private void settle(Delivery claimed, WebhookResponse response) {
        Instant now = Instant.now();
        AttemptOutcome outcome = AttemptOutcome.of(response);
        meters.timer("tracker.webhook.attempts", "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .record(response.latency());
        int number = claimed.attemptCount() + 1;
        Attempt attempt = new Attempt(number, now, outcome, response.status(), response.latency().toMillis(),
                response.error() != null ? response.error() : outcome == AttemptOutcome.DELIVERED ? null : "HTTP " + response.status());
        switch (outcome) {
            case DELIVERED -> finish(claimed, attempt, DeliveryState.DELIVERED, now);
            case GONE -> {
                subscriptionService.disable(claimed.subscriptionId(), "the receiver answered 410 Gone");
                finish(claimed, attempt, DeliveryState.DEAD, now);
            }
            case THROTTLED, FAILED -> {
                Optional<Duration> wait = schedule.nextDelay(number, outcome == AttemptOutcome.THROTTLED ? response.retryAfter() : null, random);
                if (wait.isEmpty()) {
                    finish(claimed, attempt, DeliveryState.DEAD, now);
                } else {
                    recorder.record(new Settlement(claimed, attempt, DeliveryState.PENDING, now.plus(wait.get())));
                }
            }
        }
    }

    private void finish(Delivery claimed, Attempt attempt, DeliveryState state, Instant now) {
        meters.counter("tracker.webhook.deliveries", "state", state.name().toLowerCase(java.util.Locale.ROOT)).increment();
        recorder.record(new Settlement(claimed, attempt, state, now));
    }

    /**
     * After the {@link AttemptRecorder} wrote attempts: a retry is timed, a finished delivery leaves its lane
     * and the next one there starts. An attempt whose claim was lost meanwhile is left to the worker holding it.
     * A delivery to a subscription whose retries wait here means its receiver is back: those retries are due now
     * rather than at the schedule's next step (minutes or hours away after an outage of a few minutes).
     */
    private void recorded(List<Settlement> settled) {
        List<Settlement> recorded;
        try {
            recorded = store.recordAttempts(settled);
        } finally {
            // Recorded, lost to another worker, or not recorded (the store failed: the lease runs out and the
            // sweep sends it again): either way not held here any more.
            settled.forEach(s -> claims.letGo(s.claimed().id(), s.claimed().claim()));
        }
        List<DeliveryStore.Place> finished = new ArrayList<>();
        Set<String> back = new java.util.HashSet<>();
        for (Settlement settlement : recorded) {
            if (settlement.state().isFinal()) {
                finished.add(settlement.place());
                if (settlement.state() == DeliveryState.DELIVERED && retrying.remove(settlement.claimed().subscriptionId())) {
                    back.add(settlement.claimed().subscriptionId());
                }
            } else {
                retrying.add(settlement.claimed().subscriptionId());
                later(settlement.claimed().id(), Duration.between(Instant.now(), settlement.dueAt()));
            }
        }
        store.leaveLanes(finished).forEach(this::submit);
        back.forEach(subscriptionId -> store.retryNow(subscriptionId, Instant.now()).forEach(this::submit));
    }

    /** Whether {@code delivery} is first in its lane; a finished or vanished delivery found ahead is removed. */
    private boolean isItsTurn(Delivery delivery) {
        Optional<String> head = store.headOf(delivery.lane());
        if (head.isEmpty()) {
            // Not queued (a replay, or the consumer stopped between insert and lane): join at the end.
            store.joinLanes(List.of(delivery));
            head = store.headOf(delivery.lane());
        }
        while (head.isPresent() && !head.get().equals(delivery.id())) {
            Optional<Delivery> ahead = store.find(head.get());
            if (ahead.isPresent() && !ahead.get().state().isFinal()) {
                return false;
            }
            head = store.leaveLane(delivery.lane(), head.get());
        }
        return head.isPresent();
    }

    private void leaveLaneIfHead(Delivery finished) {
        if (store.headOf(finished.lane()).filter(finished.id()::equals).isPresent()) {
            next(finished);
        }
    }

    /** Leaves the lane and starts the delivery whose turn it now is. */
    private void next(Delivery finished) {
        store.leaveLane(finished.lane(), finished.id()).ifPresent(this::submit);
    }

    /** This replica's view first; the store when the view does not have it (created elsewhere a moment ago). */
    private Optional<Subscription> subscriptionOf(String id) {
        Optional<Subscription> known = active.active(id);
        return known.isPresent() ? known : subscriptions.find(id).filter(Subscription::active);
    }

    @Override
    public void destroy() throws InterruptedException {
        timer.shutdownNow();
        senders.shutdownNow(); // queued work stays pending in the store
        if (!senders.awaitTermination(settings.attemptTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
            log.warn("Webhook senders still busy at shutdown; their claims are no longer renewed and expire after {}", settings.lease());
        }
        recorder.close(); // the attempts the senders made
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
