package org.commitmenttracker.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.commitmenttracker.loadtest.FaultInjector.FaultWindow;
import org.junit.jupiter.api.Test;

/** When a faulted service counts as applying records again, and the recovery figures a fault's row reports. */
class ConsumerResumptionTest {
    private static final TopicPartition P0 = new TopicPartition("progress", 0);
    private static final TopicPartition P1 = new TopicPartition("progress", 1);

    @Test
    void aGroupResumesWhenAnyPartitionIsCommittedBeyondWhereItStood() {
        Map<TopicPartition, Long> before = Map.of(P0, 10L, P1, 4L);

        assertThat(ConsumerResumption.advanced(before, Map.of(P0, 10L, P1, 4L))).isFalse();
        assertThat(ConsumerResumption.advanced(before, Map.of(P0, 10L, P1, 5L))).isTrue();
    }

    @Test
    void aPartitionFirstCommittedAfterTheFaultCountsFromZero() {
        assertThat(ConsumerResumption.advanced(Map.of(P0, 10L), Map.of(P0, 10L, P1, 0L))).isFalse();
        assertThat(ConsumerResumption.advanced(Map.of(P0, 10L), Map.of(P0, 10L, P1, 3L))).isTrue();
    }

    @Test
    void everyConsumerIsWorkingAgainOnlyOnceEachPartitionWithRecordsWaitingMoved() {
        Map<TopicPartition, Long> before = Map.of(P0, 10L, P1, 4L);
        Map<TopicPartition, Long> ends = Map.of(P0, 12L, P1, 9L);

        assertThat(ConsumerResumption.advancedWhereWaiting(before, Map.of(P0, 12L, P1, 4L), ends))
                .as("progress-1 still waits").isFalse();
        assertThat(ConsumerResumption.advancedWhereWaiting(before, Map.of(P0, 11L, P1, 5L), ends)).isTrue();
    }

    @Test
    void aPartitionWithoutNewRecordsDoesNotHoldTheFigureBack() {
        Map<TopicPartition, Long> before = Map.of(P0, 10L, P1, 4L);

        assertThat(ConsumerResumption.advancedWhereWaiting(before, Map.of(P0, 12L, P1, 4L), Map.of(P0, 12L, P1, 4L))).isTrue();
    }

    @Test
    void onlyServicesThatConsumeHaveAGroupToWatch() {
        assertThat(ConsumerResumption.GROUPS).containsOnlyKeys("extraction", "registry", "notification");
    }

    @Test
    void theRecoveryFiguresCountFromTheRestartAndFromReadyToTheFirstAppliedRecord() {
        FaultWindow window = new FaultWindow(FaultPlan.parse("registry", false).faults().get(0), 1_000_000_000L, null, 0);
        window.restartedNanos = 2_000_000_000L;
        window.ready(14_000_000_000L, null);

        assertThat(window.restartToAppliedSeconds()).as("nothing applied yet").isNull();
        assertThat(window.readyToAppliedSeconds()).isNull();

        window.firstAppliedNanos = 15_500_000_000L;
        assertThat(window.restartToAppliedSeconds()).isEqualTo(13.5);
        assertThat(window.readyToAppliedSeconds()).isEqualTo(1.5);
        assertThat(window.readyToAllAppliedSeconds()).as("one consumer still idle").isNull();

        window.allAppliedNanos = 33_000_000_000L;
        assertThat(window.readyToAllAppliedSeconds()).isEqualTo(19.0);

        window.firstAppliedNanos = 13_000_000_000L; // the consumers applied before the readiness probe answered
        assertThat(window.readyToAppliedSeconds()).isEqualTo(-1.0);
    }

    @Test
    void aFaultWithoutARestartHasNoRecoveryFigures() {
        FaultWindow window = new FaultWindow(FaultPlan.parse("receiver", false).faults().get(0), 1_000_000_000L, null, 0);
        window.ready(11_000_000_000L, null);

        assertThat(window.restartToAppliedSeconds()).isNull();
        assertThat(window.readyToAppliedSeconds()).isNull();
        assertThat(window.readyToAllAppliedSeconds()).isNull();
    }
}
