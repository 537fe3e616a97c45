package org.commitmenttracker.service.deadletter;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The one way a batch-mode consumer dead-letters a record it refuses. Each batch binding gets one poll's records
 * at a time and stores them in a few bulk writes; a record that is the record's fault (not a valid event, refused
 * by the domain) is not retried: the consumer hands it here with the reason and applies the rest of the poll. It
 * goes to its binding's {@code dlq-name}, by {@link DeadLetterPublishingRecoverer}, with the headers the binder's
 * own dead-lettering writes ({@code x-exception-message} = the reason, {@code x-exception-fqcn},
 * {@code x-exception-stacktrace}, {@code x-original-topic}, {@code -partition}, {@code -offset}…), and never with
 * the {@value #AUTHORIZATION} header. {@link #send} returns once the broker acknowledged the dead letter, so the
 * poll's offsets are committed only after its dead letters are safe; if the broker does not acknowledge, the poll
 * fails and comes again.
 * <p>Anything else that fails a poll (the store or the broker unreachable) is no record's fault: the poll is
 * redelivered with back-off until it succeeds ({@value #ERROR_HANDLER}), never dead-lettered (nothing replays the
 * dead-letter topics). The consumers are idempotent on the event id, so a redelivered poll changes nothing twice
 * (a refused record may be dead-lettered twice). The binder's own dead-lettering stays off for these bindings: in
 * batch mode it would dead-letter the whole poll. {@link BatchConsumerAutoConfiguration} checks at start that every
 * batch binding is set up so.
 */
public final class BatchDeadLetters {
    /** Hands the listener the polled records themselves ({@link KafkaHeaders#RAW_DATA}), for {@link #records}. */
    public static final String CONVERTER = "rawRecordsBatchConverter";
    /** Redelivers a poll that failed as a whole, backing off up to 5 s, never skipping it. */
    public static final String ERROR_HANDLER = "redeliveringBatchErrorHandler";
    /** A record header that may hold a credential ({@code Bearer <JWT>}): never kept in a dead letter. */
    public static final String AUTHORIZATION = "authorization";

    private final DeadLetterPublishingRecoverer recoverer;

    /**
     * @param template           sends the dead letters with the consumed record's key and value bytes as they came
     * @param deadLetterTopicsOf the dead-letter topic of each consumed topic
     */
    public BatchDeadLetters(KafkaOperations<byte[], byte[]> template, Map<String, String> deadLetterTopicsOf) {
        Map<String, String> routes = Map.copyOf(deadLetterTopicsOf);
        this.recoverer = new DeadLetterPublishingRecoverer(template, (record, reason) -> {
            String topic = routes.get(record.topic());
            if (topic == null) {
                throw new IllegalStateException("No batch binding with a dlq-name consumes " + record.topic());
            }
            return new TopicPartition(topic, 0); // dead-letter topics have one partition
        });
        recoverer.setHeaderNamesSupplier(() -> new DeadLetterPublishingRecoverer.HeaderNames.Builder()
                .original().topicHeader("x-original-topic").partitionHeader("x-original-partition")
                .offsetHeader("x-original-offset").timestampHeader("x-original-timestamp")
                .timestampTypeHeader("x-original-timestamp-type").consumerGroupHeader("x-original-group")
                .exception().exceptionFqcn("x-exception-fqcn").exceptionCauseFqcn("x-exception-cause-fqcn")
                .exceptionMessage("x-exception-message").exceptionStacktrace("x-exception-stacktrace")
                .keyExceptionFqcn("x-key-exception-fqcn").keyExceptionMessage("x-key-exception-message")
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .build());
    }

    /** The records of a poll, as the {@value #CONVERTER} hands them over. */
    public static List<ConsumerRecord<?, ?>> records(Message<?> batch) {
        @SuppressWarnings("unchecked")
        List<ConsumerRecord<?, ?>> records = batch.getHeaders().get(KafkaHeaders.RAW_DATA, List.class);
        if (records == null) {
            throw new IllegalStateException("A batch binding without converter-bean-name: " + CONVERTER);
        }
        return records;
    }

    /**
     * Sends {@code record} as it came (but without its {@value #AUTHORIZATION} header), its origin and
     * {@code reason} (its message is the {@code x-exception-message}) to its dead-letter topic, and waits until the
     * broker acknowledged it.
     *
     * @throws org.springframework.kafka.KafkaException when the broker does not acknowledge it: the poll fails
     */
    public void send(ConsumerRecord<?, ?> record, Exception reason) {
        recoverer.accept(withoutCredentials(record), null, reason);
    }

    private static ConsumerRecord<?, ?> withoutCredentials(ConsumerRecord<?, ?> record) {
        RecordHeaders kept = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().equalsIgnoreCase(AUTHORIZATION)) { // header names are case-sensitive in Kafka
                kept.add(header);
            }
        }
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(),
                record.value(), kept, record.leaderEpoch());
    }
}
