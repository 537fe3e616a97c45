package org.commitmenttracker.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

import org.commitmenttracker.notification.webhook.WebhookResponse;
import org.junit.jupiter.api.Test;

/** What an answer does to a delivery: delivered, dead, or retried when the schedule or the receiver says. */
class SettlementTest {
    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    private static final Duration LATENCY = Duration.ofMillis(40);
    /** No jitter: the waits are the schedule's own. */
    private final RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)), 0);
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    private static Delivery after(int attempts) {
        Delivery fresh = Delivery.of("evt-1", "owner", "sub-1", "cmt-1", "commitment.status-changed.v1",
                "{}".getBytes(StandardCharsets.UTF_8), null, NOW.minusSeconds(60));
        return new Delivery(fresh.id(), fresh.owner(), fresh.subscriptionId(), fresh.commitmentId(), fresh.lane(), fresh.eventIds(),
                fresh.type(), fresh.body(), DeliveryState.SENDING, attempts, fresh.dueAt(), NOW.plusSeconds(15), 3, List.of(), null,
                null, fresh.createdAt(), null);
    }

    private Settlement settle(Delivery claimed, WebhookResponse response) {
        return Settlement.of(claimed, response, NOW, schedule, random);
    }

    @Test
    void a2xxDeliversAndLogsTheAttemptWithoutAnError() {
        Settlement settled = settle(after(0), new WebhookResponse(204, null, LATENCY, null));

        assertThat(settled.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(settled.dueAt()).isEqualTo(NOW);
        assertThat(settled.attempt()).isEqualTo(new Attempt(1, NOW, AttemptOutcome.DELIVERED, 204, 40, null));
        assertThat(settled.claimed().claim()).as("recorded under the claim it was sent with").isEqualTo(3);
    }

    @Test
    void aFailureIsRetriedAfterTheNextWaitOfTheScheduleThenTheDeliveryIsDead() {
        WebhookResponse failed = new WebhookResponse(500, null, LATENCY, null);

        Settlement first = settle(after(0), failed);
        assertThat(first.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(first.dueAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(first.attempt().number()).isEqualTo(1);
        assertThat(first.attempt().error()).isEqualTo("HTTP 500");

        assertThat(settle(after(1), failed).dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));

        Settlement last = settle(after(2), failed);
        assertThat(last.state()).as("three attempts made, the schedule has two waits").isEqualTo(DeliveryState.DEAD);
        assertThat(last.dueAt()).isEqualTo(NOW);
    }

    @Test
    void aConnectionErrorKeepsItsOwnMessage() {
        Settlement settled = settle(after(0), WebhookResponse.failed("connection refused", LATENCY));

        assertThat(settled.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(settled.attempt().error()).isEqualTo("connection refused");
    }

    @Test
    void aThrottledAnswerIsRetriedWhenTheReceiverAskedAndAFailureNever() {
        assertThat(settle(after(0), new WebhookResponse(429, Duration.ofSeconds(30), LATENCY, null)).dueAt())
                .isEqualTo(NOW.plusSeconds(30));
        assertThat(settle(after(0), new WebhookResponse(500, Duration.ofSeconds(30), LATENCY, null)).dueAt())
                .as("Retry-After counts on 429 and 503 only").isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void goneEndsTheDeliveryAtOnceWhateverAttemptsAreLeft() {
        Settlement settled = settle(after(0), new WebhookResponse(410, null, LATENCY, null));

        assertThat(settled.state()).isEqualTo(DeliveryState.DEAD);
        assertThat(settled.attempt().outcome()).isEqualTo(AttemptOutcome.GONE);
    }
}
