package org.commitmenttracker.loadtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.commitmenttracker.events.Topics;

/**
 * Every status change on {@code status-changes}, read back from the topic itself, from its start, with each record's
 * place and time: what the verification needs to tell which alerts a store kill may have dropped. The live observer
 * cannot serve: a consumer whose position the broker's restart invalidates resets it and skips records.
 */
final class PublishedStatusChanges implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_LIMIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Map<String, List<Invariants.Announcement>> byCommitment = new HashMap<>();

    PublishedStatusChanges(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.partitionsFor(Topics.STATUS_CHANGES).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads on to the topic's current end; every status change so far, by commitment id (the records' key). */
    Map<String, List<Invariants.Announcement>> readToEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("status-changes could not be read to its end in " + READ_LIMIT);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                byCommitment.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(new Invariants.Announcement(
                        Instant.ofEpochMilli(record.timestamp()), new TopicPartition(record.topic(), record.partition()), record.offset()));
            }
        }
        return byCommitment;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
