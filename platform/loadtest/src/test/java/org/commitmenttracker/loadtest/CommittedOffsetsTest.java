package org.commitmenttracker.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommittedOffsetsTest {
    private static final TopicPartition P0 = new TopicPartition("status-changes", 0);
    private static final TopicPartition P1 = new TopicPartition("status-changes", 1);
    private static final Instant T = Instant.parse("2026-11-26T00:11:10Z");

    @Test
    void aRecordBelowTheOffsetCommittedByThenWasProcessed() {
        CommittedOffsets offsets = new CommittedOffsets();
        offsets.record(T, Map.of("notification", Map.of(P0, 100L, P1, 40L)));
        offsets.record(T.plusSeconds(1), Map.of("notification", Map.of(P0, 180L, P1, 90L)));

        assertThat(offsets.processedBy("notification", P0, 99, T)).isTrue();
        assertThat(offsets.processedBy("notification", P0, 100, T)).as("the committed offset is the next record to read").isFalse();
        assertThat(offsets.processedBy("notification", P0, 150, T.plusMillis(999))).as("only samples taken by then count").isFalse();
        assertThat(offsets.processedBy("notification", P0, 150, T.plusSeconds(1))).isTrue();
        assertThat(offsets.processedBy("notification", P1, 60, T.plusSeconds(5))).isTrue();
    }

    @Test
    void withoutASampleByThenNothingIsKnownProcessed() {
        CommittedOffsets offsets = new CommittedOffsets();
        offsets.record(T, Map.of("notification", Map.of(P0, 100L)));

        assertThat(offsets.processedBy("notification", P0, 1, T.minusMillis(1))).isFalse();
        assertThat(offsets.processedBy("registry", P0, 1, T)).as("another group").isFalse();
        assertThat(offsets.processedBy("notification", P1, 1, T)).as("a partition it had not committed").isFalse();
    }
}
