package org.commitmenttracker.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.commitmenttracker.notification.delivery.DeliveryWorker.Step;
import org.junit.jupiter.api.Test;

/** What the worker does with a delivery it reads, by its state, due time and lease. */
class DeliveryStepTest {
    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

    private static Delivery in(DeliveryState state, Instant dueAt, Instant leaseUntil) {
        Delivery fresh = Delivery.of("evt-1", "owner", "sub-1", "cmt-1", "commitment.status-changed.v1",
                "{}".getBytes(StandardCharsets.UTF_8), null, NOW.minusSeconds(60));
        return new Delivery(fresh.id(), fresh.owner(), fresh.subscriptionId(), fresh.commitmentId(), fresh.lane(), fresh.eventIds(),
                fresh.type(), fresh.body(), state, 1, dueAt, leaseUntil, 2, List.of(), null, null, fresh.createdAt(), null);
    }

    @Test
    void aDueDeliveryIsAttemptedInItsTurnAndOneNotDueYetWaits() {
        assertThat(Step.of(in(DeliveryState.PENDING, NOW, null), NOW)).isEqualTo(Step.ATTEMPT_IN_TURN);
        assertThat(Step.of(in(DeliveryState.PENDING, NOW.plusSeconds(5), null), NOW)).isEqualTo(Step.WAIT_UNTIL_DUE);
    }

    @Test
    void aDeliveryBeingSentIsLeftToItsWorkerUntilItsLeaseRunsOut() {
        assertThat(Step.of(in(DeliveryState.SENDING, NOW, NOW.plusSeconds(1)), NOW)).isEqualTo(Step.LEAVE_TO_HOLDER);
        assertThat(Step.of(in(DeliveryState.SENDING, NOW, NOW.minusSeconds(1)), NOW)).isEqualTo(Step.ATTEMPT_IN_TURN);
    }

    @Test
    void aFinishedDeliveryOnlyLeavesItsLane() {
        assertThat(Step.of(in(DeliveryState.DELIVERED, NOW, null), NOW)).isEqualTo(Step.LEAVE_LANE);
        assertThat(Step.of(in(DeliveryState.DEAD, NOW.minusSeconds(5), NOW.minusSeconds(1)), NOW)).isEqualTo(Step.LEAVE_LANE);
    }
}
