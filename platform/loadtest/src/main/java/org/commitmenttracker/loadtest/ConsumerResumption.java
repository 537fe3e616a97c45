package org.commitmenttracker.loadtest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * When a faulted service first applied a record again: the first time one of its consumer groups committed an offset
 * beyond where it stood once the faulted instance could commit no more; and when its groups had done so on every
 * partition with records waiting (every one of its consumers working again). A group commits only after the writes
 * of the records before the offset were acknowledged, so that moment is an applied record (the service's offsets
 * are committed about once a second, which this may add); the groups are the service's own, so with the killed
 * instance gone it is the restarted one (or a live replica) that committed.
 */
final class ConsumerResumption {
    private static final Duration INTERVAL = Duration.ofMillis(200);
    /** How long to look for it: a hang guard (a service may have nothing to consume for a while). */
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final String bootstrapServers;
    private final String service;
    private final List<String> groups;
    private final Map<TopicPartition, Long> before;

    private ConsumerResumption(String bootstrapServers, String service, List<String> groups, Map<TopicPartition, Long> before) {
        this.bootstrapServers = bootstrapServers;
        this.service = service;
        this.groups = groups;
        this.before = before;
    }

    /**
     * Where {@code service}'s groups stand now, with its faulted instance killed or stopped; null for a service
     * without a group or when the broker does not answer.
     */
    static ConsumerResumption from(String bootstrapServers, String service) {
        List<String> groups = ConsumerGroups.of(service);
        if (groups.isEmpty()) {
            return null;
        }
        try (Admin admin = admin(bootstrapServers)) {
            return new ConsumerResumption(bootstrapServers, service, groups, committed(admin, groups));
        } catch (Exception e) {
            LoadDriver.log("fault: the committed offsets of %s could not be read (%s)", groups, e.getMessage());
            return null;
        }
    }

    /**
     * Watches the groups in the background; tells {@code firstApplied} the time ({@code System.nanoTime()}) it first
     * moved on any partition, and {@code allApplied} when it had moved on every partition with records to apply; the
     * thread ends then (or gives up).
     */
    Thread watch(LongConsumer firstApplied, LongConsumer allApplied) {
        return Threads.startDaemon("resumption-" + service, () -> {
            long giveUp = System.nanoTime() + GIVE_UP.toNanos();
            boolean first = false;
            try (Admin admin = admin(bootstrapServers)) {
                while (System.nanoTime() < giveUp) {
                    try {
                        Map<TopicPartition, Long> now = committed(admin, groups);
                        if (!first && advanced(before, now)) {
                            first = true;
                            firstApplied.accept(System.nanoTime());
                        }
                        if (first && advancedWhereWaiting(before, now, logEnds(admin, before))) {
                            allApplied.accept(System.nanoTime());
                            return;
                        }
                    } catch (Exception e) {
                        // the broker not answering (yet): look again
                    }
                    Thread.sleep(INTERVAL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Whether any partition's committed offset is beyond where it was (a partition without one stood at 0). */
    static boolean advanced(Map<TopicPartition, Long> before, Map<TopicPartition, Long> now) {
        return now.entrySet().stream().anyMatch(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L));
    }

    /**
     * Whether every partition with records beyond where the group stood ({@code ends}: the log end offsets, read
     * after {@code now}) has been committed beyond it: each of the group's consumers has applied a record again. A
     * partition without new records has nothing to show and does not count.
     */
    static boolean advancedWhereWaiting(Map<TopicPartition, Long> before, Map<TopicPartition, Long> now,
                                        Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> {
            long stood = before.getOrDefault(end.getKey(), 0L);
            return end.getValue() <= stood || now.getOrDefault(end.getKey(), 0L) > stood;
        });
    }

    private static Map<TopicPartition, Long> logEnds(Admin admin, Map<TopicPartition, Long> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).forEach((partition, end) -> ends.put(partition, end.offset()));
        return ends;
    }

    /** The groups' committed offsets; each group reads its own topic, so their partitions do not overlap. */
    private static Map<TopicPartition, Long> committed(Admin admin, List<String> groups) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (String group : groups) {
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS)
                    .forEach((partition, position) -> {
                        if (position != null) {
                            offsets.put(partition, position.offset());
                        }
                    });
        }
        return offsets;
    }

    private static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }
}
