package org.commitmenttracker.notification.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.commitmenttracker.notification.secrets.SecretCipher;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.subscriptions.SubscriptionService;
import org.commitmenttracker.notification.webhook.WebhookClient;
import org.commitmenttracker.notification.webhook.WebhookRequest;
import org.commitmenttracker.notification.webhook.WebhookResponse;
import org.commitmenttracker.notification.webhook.WebhookSettings;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One attempt at one delivery that is first in its lane: claim → send → settle. The claim comes from the
 * store (with the claim counter the delivery was read with) unless this replica holds it already; the send
 * goes through its host's guards; the settlement says what the answer means ({@link Settlement#of}). When and
 * whether to try is {@link DeliveryWorker}'s business; this class answers with what it should do next.
 */
@Component
class DeliveryAttempt {
    private final DeliveryStore store;
    private final HeldClaims claims;
    private final SubscriptionService subscriptions;
    private final WebhookClient client;
    private final SecretCipher cipher;
    private final HostGuards guards;
    private final RetrySchedule schedule;
    private final Duration deferral;
    private final MeterRegistry meters;
    private final RandomGenerator random = RandomGenerator.getDefault();

    DeliveryAttempt(DeliveryStore store, HeldClaims claims, SubscriptionService subscriptions, WebhookClient client,
                    SecretCipher cipher, WebhookSettings settings, MeterRegistry meters) {
        this.store = store;
        this.claims = claims;
        this.guards = new HostGuards(settings, meters);
        this.subscriptions = subscriptions;
        this.schedule = new RetrySchedule(settings.retryDelays(), settings.retryJitter());
        this.client = client;
        this.deferral = settings.deferral();
        this.cipher = cipher;
        this.meters = meters;
    }

    /** What came of an attempt, for the worker. */
    sealed interface Result {
        /** Sent: the attempt is to be recorded. */
        record Sent(Settlement settlement) implements Result {
        }

        /** Ended without an attempt (its subscription is gone): the next delivery in its lane may go. */
        record Ended() implements Result {
        }

        /** Its host rests (open circuit): pending again, to be looked at after {@code after}. */
        record Deferred(Duration after) implements Result {
        }

        /** Nothing to do now: parked until its host has a free slot, or another worker has it. */
        record Left() implements Result {
        }

        Result ENDED = new Ended();
        Result LEFT = new Left();
    }

    /**
     * Makes the attempt at {@code delivery}: after claiming it with the claim counter it was read with, or at once
     * when this replica already holds that claim ({@code held}). A host busy with as many requests as its bulkhead
     * allows parks it ({@code whenHostFree} runs once one of them ends), holding no thread and no round trip.
     */
    Result make(Delivery delivery, Instant now, boolean held, Runnable whenHostFree) {
        Optional<Subscription> subscription = subscriptions.active(delivery.subscriptionId());
        if (subscription.isEmpty() || subscription.get().webhook() == null) {
            boolean killed = store.kill(delivery.id(), delivery.claim(), "subscription disabled, deleted or without webhook", now);
            claims.letGo(delivery.id(), delivery.claim());
            return killed ? Result.ENDED : Result.LEFT;
        }
        URI url = URI.create(subscription.get().webhook().url());
        HostGuards.Permit permit = guards.tryAcquire(url.getHost() + ":" + url.getPort(), whenHostFree);
        if (permit == HostGuards.PARKED) {
            return Result.LEFT;
        }
        if (permit == null) {
            // A delivery read as sending (created claimed here, or left by a worker whose lease ran out) is pending
            // again first, even when its creation claim no longer covers an attempt: else nobody would take it
            // before that claim's lease ends.
            boolean pending = delivery.state() == DeliveryState.PENDING || store.release(delivery.id(), delivery.claim(), now.plus(deferral));
            claims.letGo(delivery.id(), delivery.claim());
            return pending ? new Result.Deferred(deferral) : Result.LEFT;
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
            return Result.LEFT;
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
        return new Result.Sent(settle(claimed.get(), response));
    }

    /** The settlement of the attempt, counted; a receiver that answered 410 Gone has its subscription disabled. */
    private Settlement settle(Delivery claimed, WebhookResponse response) {
        Settlement settlement = Settlement.of(claimed, response, Instant.now(), schedule, random);
        AttemptOutcome outcome = settlement.attempt().outcome();
        meters.timer("tracker.webhook.attempts", "outcome", outcome.name().toLowerCase(Locale.ROOT)).record(response.latency());
        if (outcome == AttemptOutcome.GONE) {
            subscriptions.disable(claimed.subscriptionId(), "the receiver answered 410 Gone");
        }
        if (settlement.state().isFinal()) {
            meters.counter("tracker.webhook.deliveries", "state", settlement.state().name().toLowerCase(Locale.ROOT)).increment();
        }
        return settlement;
    }
}
