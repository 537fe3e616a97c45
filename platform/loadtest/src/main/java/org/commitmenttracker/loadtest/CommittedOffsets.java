package org.commitmenttracker.loadtest;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.kafka.common.TopicPartition;

/**
 * The consumer groups' committed offsets as the sampler read them, about once a second. A group commits an offset
 * only after it has stored what the records before it did, so a record below the offset committed at a time was
 * surely processed, its writes made, by then; a record at or above it may have been processed later.
 */
final class CommittedOffsets {
    private record Sample(Instant at, Map<String, Map<TopicPartition, Long>> byGroup) {
    }

    private final ConcurrentLinkedDeque<Sample> samples = new ConcurrentLinkedDeque<>();

    void record(Instant at, Map<String, Map<TopicPartition, Long>> byGroup) {
        samples.add(new Sample(at, Map.copyOf(byGroup)));
    }

    /** Whether {@code group} had surely processed the record at {@code offset} of {@code partition} by {@code at}. */
    boolean processedBy(String group, TopicPartition partition, long offset, Instant at) {
        for (Iterator<Sample> newestFirst = samples.descendingIterator(); newestFirst.hasNext(); ) {
            Sample sample = newestFirst.next();
            if (!sample.at().isAfter(at)) {
                Long committed = sample.byGroup().getOrDefault(group, Map.of()).get(partition);
                return committed != null && offset < committed;
            }
        }
        return false;
    }
}
