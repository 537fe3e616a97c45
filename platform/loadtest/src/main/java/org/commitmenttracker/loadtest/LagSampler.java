package org.commitmenttracker.loadtest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.commitmenttracker.events.Topics;

/**
 * Once a second, while the run lasts: the consumer lag of the platform's groups on the topics they read (the max per
 * phase, the latest), the groups' committed offsets ({@link CommittedOffsets}, for the invariants), and every
 * process's memory ({@link ProcessStats#sample()}).
 */
final class LagSampler implements AutoCloseable {
    /** A service and a topic it reads; its lag (what the service's group of that topic has not committed) is named {@code service/topic}. */
    record Watch(String service, String topic) {
        String group() {
            return ConsumerGroups.of(service, topic);
        }

        String name() {
            return service + "/" + topic;
        }
    }

    static final List<Watch> WATCHED = List.of(new Watch("extraction", Topics.COMMUNIQUES),
            new Watch("registry", Topics.COMMITMENTS), new Watch("registry", Topics.PROGRESS),
            new Watch("notification", Topics.STATUS_CHANGES));
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final ProcessStats processes;
    private final CommittedOffsets committedOffsets = new CommittedOffsets();
    private final Map<String, Map<Watch, Long>> maxByPhase = new ConcurrentHashMap<>();
    private volatile String phase = "start";
    private volatile Map<String, Long> latest = Map.of();
    private volatile boolean stopping;

    private LagSampler(String bootstrapServers, ProcessStats processes) {
        this.bootstrapServers = bootstrapServers;
        this.processes = processes;
    }

    static LagSampler start(String bootstrapServers, ProcessStats processes) {
        LagSampler sampler = new LagSampler(bootstrapServers, processes);
        Threads.startDaemon("sampler", sampler::sampleUntilClosed);
        return sampler;
    }

    /** The phase whose maxima the next samples count to. */
    void phase(String name) {
        phase = name;
    }

    private void sampleUntilClosed() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            while (!stopping) {
                processes.sample();
                try {
                    Map<Watch, Long> lag = sample(admin);
                    latest = named(lag);
                    Map<Watch, Long> max = maxByPhase.computeIfAbsent(phase, k -> new ConcurrentHashMap<>());
                    lag.forEach((watch, value) -> max.merge(watch, value, Math::max));
                } catch (Exception e) {
                    // topics not there yet, or stopping
                }
                try {
                    Thread.sleep(INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Map<Watch, Long> sample(Admin admin) throws Exception {
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        for (String group : WATCHED.stream().map(Watch::group).distinct().toList()) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS)
                    .forEach((partition, position) -> {
                        if (position != null) {
                            offsets.put(partition, position.offset());
                        }
                    });
            committed.put(group, offsets);
        }
        committedOffsets.record(Instant.now(), committed); // read by now: stamped after the answers
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(WATCHED.stream().map(Watch::topic).distinct().toList()).allTopicNames().get(5, TimeUnit.SECONDS)
                .forEach((topic, description) -> description.partitions()
                        .forEach(p -> partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(partitions).all().get(5, TimeUnit.SECONDS).forEach((partition, end) -> ends.put(partition, end.offset()));
        return lag(ends, committed);
    }

    /**
     * Per watched service and topic: the records not yet committed by its group, summed over the topic's partitions
     * (a partition without a committed offset counts from 0).
     */
    static Map<Watch, Long> lag(Map<TopicPartition, Long> ends, Map<String, Map<TopicPartition, Long>> committed) {
        Map<Watch, Long> result = new LinkedHashMap<>();
        for (Watch watch : WATCHED) {
            Map<TopicPartition, Long> positions = committed.getOrDefault(watch.group(), Map.of());
            long lag = 0;
            for (var end : ends.entrySet()) {
                if (end.getKey().topic().equals(watch.topic())) {
                    lag += end.getValue() - positions.getOrDefault(end.getKey(), 0L);
                }
            }
            result.put(watch, lag);
        }
        return result;
    }

    /** The lag by {@code service/topic} at the latest sample. */
    Map<String, Long> latest() {
        return latest;
    }

    /** The max lag by {@code service/topic} during {@code phaseName}; null for a pair never sampled then. */
    Map<String, Long> max(String phaseName) {
        Map<Watch, Long> max = maxByPhase.getOrDefault(phaseName, Map.of());
        Map<String, Long> result = new LinkedHashMap<>();
        WATCHED.forEach(watch -> result.put(watch.name(), max.get(watch)));
        return result;
    }

    CommittedOffsets committedOffsets() {
        return committedOffsets;
    }

    private static Map<String, Long> named(Map<Watch, Long> lag) {
        Map<String, Long> result = new LinkedHashMap<>();
        lag.forEach((watch, value) -> result.put(watch.name(), value));
        return result;
    }

    @Override
    public void close() {
        stopping = true;
    }
}
