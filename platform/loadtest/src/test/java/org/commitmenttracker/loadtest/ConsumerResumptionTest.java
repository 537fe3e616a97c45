package org.commitmenttracker.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void theWatchedGroupsAreTheOnesTheServicesConsumeIn() throws IOException {
        Map<String, String> services = Map.of("extraction", "extraction-service", "registry", "commitment-registry-service",
                "notification", "notification-service");
        Pattern binding = Pattern.compile("destination: (\\S+)\\s+group: (\\S+)");
        Set<ConsumerGroups.Binding> configured = new HashSet<>();
        for (var service : services.entrySet()) {
            Matcher matcher = binding.matcher(Files.readString(
                    Path.of("../../services", service.getValue(), "src/main/resources/application.yml")));
            while (matcher.find()) {
                configured.add(new ConsumerGroups.Binding(service.getKey(), matcher.group(1), matcher.group(2)));
            }
        }

        assertThat(ConsumerGroups.BINDINGS).containsExactlyInAnyOrderElementsOf(configured);
        assertThat(ConsumerGroups.of("ingestion")).as("ingestion consumes nothing").isEmpty();
        assertThat(ConsumerGroups.BINDINGS.stream().map(ConsumerGroups.Binding::group)).as("one group per binding")
                .doesNotHaveDuplicates();
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
