package org.commitmenttracker.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.commitmenttracker.notification.webhook.WebhookSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Decides what this replica attempts when: a delivery goes to a {@link DeliveryAttempt} when it is due and its
 * turn in its lane has come; retries and deferrals are timed here. Work arrives from the consumer
 * ({@link #start}, {@link #submit}: new deliveries, at once), from the lane (the next delivery after one
 * finished), from its own timer (retries, deferrals) and from the {@link DeliverySweep} (what a restart or
 * another replica left). The store decides who sends: a delivery is sent only by the worker whose claim succeeded.
 */
@Component
public class DeliveryWorker implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final DeliveryLanes lanes;
    private final HeldClaims claims;
    private final DeliveryAttempt attempt;
    private final WebhookSettings settings;
    private final ExecutorService senders;
    private final ScheduledExecutorService timer;
    private final AttemptRecorder recorder = new AttemptRecorder(this::recorded);
    /** Ids submitted or timed here and not yet started, so the sweep does not queue them twice. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** Subscriptions with a retry this replica scheduled: their receiver failed, and may come back. */
    private final Set<String> retrying = ConcurrentHashMap.newKeySet();

    public DeliveryWorker(DeliveryStore store, DeliveryLanes lanes, HeldClaims claims, DeliveryAttempt attempt,
                          WebhookSettings settings) {
        this.store = store;
        this.lanes = lanes;
        this.claims = claims;
        this.attempt = attempt;
        this.settings = settings;
        this.senders = Executors.newFixedThreadPool(settings.senderThreads(), named("webhook-sender"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("webhook-timer"));
    }

    /** What to do with a delivery read from the store. */
    enum Step {
        /** Finished: if it still heads its lane, it leaves it and the next one starts. */
        LEAVE_LANE,
        /** Pending, not due yet: looked at again when it is. */
        WAIT_UNTIL_DUE,
        /** Sending under a live lease: its worker finishes it, or the sweep after the lease. */
        LEAVE_TO_HOLDER,
        /** Claimable: attempted if it is first in its lane (else the delivery ahead of it submits it when it finishes). */
        ATTEMPT_IN_TURN;

        static Step of(Delivery delivery, Instant now) {
            if (delivery.state().isFinal()) {
                return LEAVE_LANE;
            }
            if (!delivery.claimableAt(now)) {
                return delivery.state() == DeliveryState.PENDING ? WAIT_UNTIL_DUE : LEAVE_TO_HOLDER;
            }
            return ATTEMPT_IN_TURN;
        }
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

    private void attempt(Delivery delivery, Instant now, boolean held) {
        DeliveryAttempt.Result result = attempt.make(delivery, now, held, () -> send(delivery, held, () -> { }));
        if (result instanceof DeliveryAttempt.Result.Sent sent) {
            recorder.record(sent.settlement());
        } else if (result instanceof DeliveryAttempt.Result.Ended) {
            next(delivery);
        } else if (result instanceof DeliveryAttempt.Result.Deferred deferred) {
            later(delivery.id(), deferred.after());
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
        switch (Step.of(delivery, now)) {
            case LEAVE_LANE -> leaveLaneIfHead(delivery);
            case WAIT_UNTIL_DUE -> later(delivery.id(), Duration.between(now, delivery.dueAt()));
            case LEAVE_TO_HOLDER -> { }
            case ATTEMPT_IN_TURN -> {
                if (isItsTurn(delivery)) {
                    attempt(delivery, now, false);
                }
            }
        }
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
        List<DeliveryLanes.Place> finished = new ArrayList<>();
        Set<String> back = new HashSet<>();
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
        lanes.leave(finished).forEach(this::submit);
        back.forEach(subscriptionId -> store.retryNow(subscriptionId, Instant.now()).forEach(this::submit));
    }

    /** Whether {@code delivery} is first in its lane; a finished or vanished delivery found ahead is removed. */
    private boolean isItsTurn(Delivery delivery) {
        Optional<String> head = lanes.headOf(delivery.lane());
        if (head.isEmpty()) {
            // Not queued (a replay, or the consumer stopped between insert and lane): join at the end.
            lanes.join(List.of(delivery));
            head = lanes.headOf(delivery.lane());
        }
        while (head.isPresent() && !head.get().equals(delivery.id())) {
            Optional<Delivery> ahead = store.find(head.get());
            if (ahead.isPresent() && !ahead.get().state().isFinal()) {
                return false;
            }
            head = lanes.leave(delivery.lane(), head.get());
        }
        return head.isPresent();
    }

    private void leaveLaneIfHead(Delivery finished) {
        if (lanes.headOf(finished.lane()).filter(finished.id()::equals).isPresent()) {
            next(finished);
        }
    }

    /** Leaves the lane and starts the delivery whose turn it now is. */
    private void next(Delivery finished) {
        lanes.leave(finished.lane(), finished.id()).ifPresent(this::submit);
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
