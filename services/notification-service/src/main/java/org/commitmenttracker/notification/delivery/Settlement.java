package org.commitmenttracker.notification.delivery;

import java.time.Instant;
import java.util.random.RandomGenerator;

import org.commitmenttracker.notification.webhook.WebhookResponse;

/**
 * How an attempt ended for the delivery it was made for (read with the claim it was sent under): the attempt
 * to log, the state it leaves the delivery in, and when it is due again (a retry) or finished.
 */
public record Settlement(Delivery claimed, Attempt attempt, DeliveryState state, Instant dueAt) {

    /**
     * What {@code response} means for {@code claimed}: delivered (2xx); dead (410 Gone, or no attempt left); else
     * pending again after the {@link RetrySchedule}'s next wait, or the receiver's {@code Retry-After} on 429/503.
     */
    static Settlement of(Delivery claimed, WebhookResponse response, Instant now, RetrySchedule schedule, RandomGenerator random) {
        AttemptOutcome outcome = AttemptOutcome.of(response);
        int number = claimed.attemptCount() + 1;
        Attempt attempt = new Attempt(number, now, outcome, response.status(), response.latency().toMillis(),
                response.error() != null ? response.error() : outcome == AttemptOutcome.DELIVERED ? null : "HTTP " + response.status());
        return switch (outcome) {
            case DELIVERED -> new Settlement(claimed, attempt, DeliveryState.DELIVERED, now);
            case GONE -> new Settlement(claimed, attempt, DeliveryState.DEAD, now);
            case THROTTLED, FAILED -> schedule.nextDelay(number, outcome == AttemptOutcome.THROTTLED ? response.retryAfter() : null, random)
                    .map(wait -> new Settlement(claimed, attempt, DeliveryState.PENDING, now.plus(wait)))
                    .orElseGet(() -> new Settlement(claimed, attempt, DeliveryState.DEAD, now));
        };
    }

    DeliveryLanes.Place place() {
        return new DeliveryLanes.Place(claimed.lane(), claimed.id());
    }
}
