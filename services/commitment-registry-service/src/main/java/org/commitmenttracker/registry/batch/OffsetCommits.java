package org.commitmenttracker.registry.batch;

import java.time.Duration;

import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * How the registry's consumers ({@code registerCommitments}, {@code applyProgress} in batch mode, each storing a
 * poll in a few bulk writes; refused records are dead-lettered by service-support's {@code BatchDeadLetters}) commit
 * their offsets.
 */
@Configuration
class OffsetCommits {

    /**
     * Offsets are committed every {@code tracker.kafka.commit-interval} (default 1 s, checked after each poll, and a
     * poll waits at most that long) rather than after every poll, and when partitions are revoked or the consumer
     * stops. A commit per poll (synchronous or not) kept the progress consumers' cycle about twice as long at 900
     * reports/s, and every report waits about two cycles: p50 report to status change 25 ms against 5-7 ms once
     * settled (docs/performance.md). A crash redelivers at most the last interval's records, which the consumers
     * apply idempotently (progress and commitments dedupe on the event id; a refused record may be dead-lettered
     * twice).
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> periodicOffsetCommits(
            OffsetCommitSettings settings) {
        Duration interval = settings.commitInterval();
        return (container, destination, group) -> {
            container.getContainerProperties().setAckMode(ContainerProperties.AckMode.TIME);
            container.getContainerProperties().setAckTime(interval.toMillis());
            // An idle consumer checks the clock after each empty poll: without this, after the last record it
            // committed only when the 5 s default poll timeout ran out.
            container.getContainerProperties().setPollTimeout(Math.min(interval.toMillis(), 5_000));
        };
    }
}
