package org.commitmenttracker.registry.batch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What the registry's batch consumers ({@code registerCommitments}, {@code applyProgress}) share. Each gets one
 * poll's records at a time and stores them in a few bulk writes. A record that is refused (not a valid event, or
 * refused by the domain) is not retried: the consumer dead-letters it itself, with the headers the binder's
 * dead-lettering writes ({@code x-exception-message} = the reason, {@code x-original-*}), and the rest of the poll
 * is applied. (The binder's own dead-lettering is off for these bindings: in batch mode it would dead-letter the
 * whole poll.) Anything else (the store or the broker unreachable) fails the whole poll, which is redelivered with
 * back-off until it succeeds: both consumers are idempotent on the event id.
 */
@Configuration
public class BatchConsumers {
    /** Hands the listener the polled records themselves ({@link KafkaHeaders#RAW_DATA}) for dead-lettering. */
    public static final String CONVERTER = "rawRecordsBatchConverter";
    /** Redelivers a poll that failed as a whole, backing off up to 5 s, never skipping it. */
    public static final String ERROR_HANDLER = "redeliveringBatchErrorHandler";
    /** A record header that may hold a credential ({@code Bearer <JWT>}): never kept in a dead letter. */
    public static final String AUTHORIZATION = "authorization";
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(BatchConsumers.class);

    /** The records of a poll, as the {@link #CONVERTER} hands them over. */
    public static List<ConsumerRecord<?, ?>> records(Message<?> batch) {
        @SuppressWarnings("unchecked")
        List<ConsumerRecord<?, ?>> records = batch.getHeaders().get(KafkaHeaders.RAW_DATA, List.class);
        return records;
    }

    /**
     * The record as it came (but never its {@value #AUTHORIZATION} header: a dead-letter topic is no place for
     * credentials), its origin and the reason, as the binder's dead-lettering writes them.
     */
    public static ProducerRecord<String, byte[]> deadLetter(String topic, ConsumerRecord<?, ?> record, Exception reason) {
        byte[] key = (byte[]) record.key();
        RecordHeaders kept = new RecordHeaders(record.headers().toArray());
        for (Header header : record.headers()) {
            if (header.key().equalsIgnoreCase(AUTHORIZATION)) {
                kept.remove(header.key());
            }
        }
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, 0,
                key == null ? null : new String(key, StandardCharsets.UTF_8), (byte[]) record.value(), kept);
        Headers headers = dead.headers();
        headers.add("x-original-topic", bytes(record.topic()));
        headers.add("x-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        headers.add("x-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        headers.add("x-original-timestamp", ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
        headers.add("x-original-timestamp-type", bytes(record.timestampType().toString()));
        headers.add("x-exception-fqcn", bytes(reason.getClass().getName()));
        headers.add("x-exception-message", bytes(reason.getMessage()));
        StringWriter trace = new StringWriter();
        reason.printStackTrace(new PrintWriter(trace));
        headers.add("x-exception-stacktrace", bytes(trace.toString()));
        return dead;
    }

    /** Waits until the broker acknowledged every dead letter of a poll: only then may its offsets be committed. */
    public static void awaitDeadLetters(List<CompletableFuture<?>> sent, String what) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(DEAD_LETTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering " + what, e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the dead letters of " + what, e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The dead-letter topics (the binder creates them only for the bindings whose dead letters it sends). */
    @Bean
    KafkaAdmin.NewTopics batchDeadLetterTopics(
            @Value("${spring.cloud.stream.kafka.bindings.applyProgress-in-0.consumer.dlq-name}") String progress,
            @Value("${spring.cloud.stream.kafka.bindings.registerCommitments-in-0.consumer.dlq-name}") String commitments,
            @Value("${tracker.kafka.replicas:1}") short replicas,
            @Value("${tracker.kafka.max-message-bytes:8388608}") int maxMessageBytes) {
        return new KafkaAdmin.NewTopics(List.of(progress, commitments).stream()
                .map(name -> TopicBuilder.name(name).partitions(1).replicas(replicas)
                        .config("max.message.bytes", String.valueOf(maxMessageBytes)).build())
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

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
            @Value("${tracker.kafka.commit-interval:1s}") Duration interval) {
        return (container, destination, group) -> {
            container.getContainerProperties().setAckMode(ContainerProperties.AckMode.TIME);
            container.getContainerProperties().setAckTime(interval.toMillis());
            // An idle consumer checks the clock after each empty poll: without this, after the last record it
            // committed only when the 5 s default poll timeout ran out.
            container.getContainerProperties().setPollTimeout(Math.min(interval.toMillis(), 5_000));
        };
    }

    @Bean(CONVERTER)
    BatchMessagingMessageConverter rawRecordsBatchConverter() {
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    @Bean(ERROR_HANDLER)
    CommonErrorHandler redeliveringBatchErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
                log.warn("Record {}-{}@{} failed (attempt {}), retrying: {}", record.topic(), record.partition(),
                        record.offset(), deliveryAttempt, ex.toString());
            }

            @Override
            public void failedDelivery(org.apache.kafka.clients.consumer.ConsumerRecords<?, ?> records, Exception ex,
                                       int deliveryAttempt) {
                log.warn("A poll of {} records failed (attempt {}), retrying: {}", records.count(), deliveryAttempt,
                        ex.toString(), ex);
            }
        });
        return handler;
    }
}
