package org.commitmenttracker.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LagSamplerTest {
    private static final LagSampler.Watch REGISTRY_PROGRESS = new LagSampler.Watch("registry", "progress");
    private static final LagSampler.Watch NOTIFICATION = new LagSampler.Watch("notification", "status-changes");

    @Test
    void lagIsWhatTheGroupHasNotCommittedSummedOverTheTopicsPartitions() {
        Map<TopicPartition, Long> ends = Map.of(new TopicPartition("progress", 0), 100L, new TopicPartition("progress", 1), 50L,
                new TopicPartition("status-changes", 0), 70L);
        Map<String, Map<TopicPartition, Long>> committed = Map.of(
                "registry-progress", Map.of(new TopicPartition("progress", 0), 90L, new TopicPartition("progress", 1), 50L),
                "notification-status-changes", Map.of(new TopicPartition("status-changes", 0), 70L));

        Map<LagSampler.Watch, Long> lag = LagSampler.lag(ends, committed);

        assertThat(lag).containsEntry(REGISTRY_PROGRESS, 10L).containsEntry(NOTIFICATION, 0L);
        assertThat(lag.keySet()).containsExactlyElementsOf(LagSampler.WATCHED);
    }

    @Test
    void eachTopicIsMeasuredAgainstTheGroupThatReadsIt() {
        Map<TopicPartition, Long> ends = Map.of(new TopicPartition("commitments", 0), 30L, new TopicPartition("progress", 0), 100L);
        // the registry's progress group has committed everything; its commitments group nothing yet
        Map<String, Map<TopicPartition, Long>> committed = Map.of("registry-progress", Map.of(new TopicPartition("progress", 0), 100L));

        Map<LagSampler.Watch, Long> lag = LagSampler.lag(ends, committed);

        assertThat(lag).containsEntry(REGISTRY_PROGRESS, 0L).containsEntry(new LagSampler.Watch("registry", "commitments"), 30L);
    }

    @Test
    void aPartitionTheGroupNeverCommittedCountsFromItsStart() {
        Map<TopicPartition, Long> ends = Map.of(new TopicPartition("progress", 0), 100L, new TopicPartition("progress", 1), 50L);

        Map<LagSampler.Watch, Long> lag = LagSampler.lag(ends, Map.of("registry-progress", Map.of(new TopicPartition("progress", 0), 100L)));

        assertThat(lag).containsEntry(REGISTRY_PROGRESS, 50L);
    }
}
