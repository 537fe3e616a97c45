package org.commitmenttracker.registry.progress;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.registry.progress.ProgressReports.Arrival;
import org.commitmenttracker.service.security.Caller;
import org.commitmenttracker.service.security.CallerTokenConverter;
import org.commitmenttracker.service.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.messaging.Message;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * {@code applyProgress} on {@code progress}, in batch mode: every poll's reports are applied together (one read
 * of their commitments, one bulk write; see {@link ProgressReports#applyAll}), in offset order, so the reports of
 * one commitment (one key, one partition) keep their order. The same validation as over HTTP.
 * <p>Every record carries its agency's token, as HTTP does: the header {@value #AUTHORIZATION} with
 * {@code Bearer <JWT>}. It is verified by the same decoder as HTTP tokens (issuer, signature, expiry), must hold
 * the {@code agency} role, and the report must be for the token's {@code agency_id}; then the assignment rule
 * applies as over HTTP. A record without a token, with a forged, expired or non-agency one, or with another
 * agency's report is refused like any invalid report. Dead letters never keep the token.
 * <p>A report the registry refuses, or a record that is not a progress event, is not retried: this consumer
 * writes it to the binding's dead-letter topic ({@code progress.registry.dlq}) itself, with the headers the
 * binder's dead-lettering writes ({@code x-exception-message} = the reason, {@code x-original-*}), and the rest of
 * the batch is applied. (The binder's own dead-lettering is off for this binding: in batch mode it would
 * dead-letter the whole poll.) Anything else (the store or the broker unreachable) fails the whole poll, which
 * is redelivered with back-off until it succeeds: applying is idempotent on the event id.
 */
@Configuration
class ProgressConsumer {
    static final String CONVERTER = "progressBatchConverter";
    static final String ERROR_HANDLER = "progressBatchErrorHandler";
    /** The record header with the sender's token: {@code Bearer <JWT>}, as in HTTP's Authorization header. */
    static final String AUTHORIZATION = "authorization";
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ProgressConsumer.class);

    @Bean
    Consumer<Message<List<byte[]>>> applyProgress(ProgressReports reports, EventCodec codec,
                                                  KafkaTemplate<String, byte[]> kafka, JwtDecoder decoder,
                                                  CallerTokenConverter callers, Clock clock,
                                                  @Value("${spring.cloud.stream.kafka.bindings.applyProgress-in-0.consumer.dlq-name}") String deadLetterTopic) {
        VerifiedTokens tokens = new VerifiedTokens(decoder, clock);
        return batch -> {
            List<?> records = batch.getHeaders().get(KafkaHeaders.RAW_DATA, List.class);
            List<Arrival> arrivals = new ArrayList<>(records.size());
            List<ConsumerRecord<?, ?>> arrived = new ArrayList<>(records.size());
            List<CompletableFuture<?>> deadLetters = new ArrayList<>();
            for (Object item : records) {
                ConsumerRecord<?, ?> record = (ConsumerRecord<?, ?>) item;
                try {
                    // The sender first: nothing of an unauthenticated record is parsed.
                    Caller sender = sender(record, tokens, callers);
                    EventEnvelope<ProgressReported> event = codec.decode((byte[]) record.value(), ProgressReported.class);
                    ProgressReported data = event.data();
                    arrivals.add(new Arrival(data.commitmentId(), new ProgressSubmission(event.id().toString(),
                            data.agencyId(), data.status(), data.percentComplete(), data.note(), data.evidenceUrls(),
                            data.occurredAt()), event.traceparent(), sender.agencyId()));
                    arrived.add(record);
                } catch (InvalidEventException e) {
                    deadLetters.add(kafka.send(deadLetter(deadLetterTopic, record, e)));
                }
            }
            List<RuntimeException> refused = reports.applyAll(arrivals);
            for (int i = 0; i < refused.size(); i++) {
                if (refused.get(i) != null) {
                    InvalidEventException reason = new InvalidEventException("Progress report "
                            + arrivals.get(i).submission().eventId() + " refused: " + refused.get(i).getMessage(), refused.get(i));
                    deadLetters.add(kafka.send(deadLetter(deadLetterTopic, arrived.get(i), reason)));
                }
            }
            try {
                CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new))
                        .get(DEAD_LETTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge the dead letters of a progress batch", e);
            }
        };
    }

    /**
     * The agency system that sent {@code record}, from its {@value #AUTHORIZATION} header.
     *
     * @throws InvalidEventException without a token, with one the decoder refuses, or with one that is not an
     *                               agency's
     */
    static Caller sender(ConsumerRecord<?, ?> record, JwtDecoder tokens, CallerTokenConverter callers) {
        String where = "Progress record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " refused: ";
        Header header = null;
        for (Header candidate : record.headers()) {
            if (candidate.key().equalsIgnoreCase(AUTHORIZATION)) {
                header = candidate; // header names are case-sensitive in Kafka; HTTP's spelling is welcome too
            }
        }
        String value = header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8).strip();
        if (value.isEmpty()) {
            throw new InvalidEventException(where + "it carries no token (header " + AUTHORIZATION + ": Bearer <JWT>).");
        }
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidEventException(where + "its " + AUTHORIZATION + " header is not 'Bearer <JWT>'.");
        }
        Jwt token;
        try {
            token = tokens.decode(value.substring(7).strip());
        } catch (BadJwtException e) {
            // Forged (not signed by the issuer), expired, or not a JWT at all. Any other JwtException (the issuer's
            // keys cannot be fetched) fails the poll, which is redelivered: the report itself may be fine.
            throw new InvalidEventException(where + "its token is not valid: " + e.getMessage(), e);
        }
        Caller caller = (Caller) callers.convert(token).getPrincipal();
        if (!caller.has(Role.AGENCY) || caller.agencyId() == null) {
            throw new InvalidEventException(where + "its token is not an agency's (role agency with an agency_id).");
        }
        return caller;
    }

    /**
     * The record as it came (but never its token: a dead-letter topic is no place for credentials), its origin
     * and the reason, as the binder's dead-lettering writes them.
     */
    static ProducerRecord<String, byte[]> deadLetter(String topic, ConsumerRecord<?, ?> record, Exception reason) {
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

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The dead-letter topic (the binder creates it only for the bindings whose dead letters it sends). */
    @Bean
    KafkaAdmin.NewTopics progressDeadLetterTopic(
            @Value("${spring.cloud.stream.kafka.bindings.applyProgress-in-0.consumer.dlq-name}") String deadLetterTopic,
            @Value("${tracker.kafka.replicas:1}") short replicas,
            @Value("${tracker.kafka.max-message-bytes:8388608}") int maxMessageBytes) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(deadLetterTopic).partitions(1).replicas(replicas)
                .config("max.message.bytes", String.valueOf(maxMessageBytes)).build());
    }

    /** Hands the listener the polled records themselves ({@link KafkaHeaders#RAW_DATA}) for dead-lettering. */
    @Bean(CONVERTER)
    BatchMessagingMessageConverter progressBatchConverter() {
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    /** A poll that failed (store or broker unreachable) is redelivered, backing off up to 5 s, never skipped. */
    @Bean(ERROR_HANDLER)
    CommonErrorHandler progressBatchErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
                log.warn("Progress record {}-{}@{} failed (attempt {}), retrying: {}", record.topic(),
                        record.partition(), record.offset(), deliveryAttempt, ex.toString());
            }

            @Override
            public void failedDelivery(org.apache.kafka.clients.consumer.ConsumerRecords<?, ?> records, Exception ex,
                                       int deliveryAttempt) {
                log.warn("A poll of {} progress records failed (attempt {}), retrying: {}", records.count(),
                        deliveryAttempt, ex.toString(), ex);
            }
        });
        return handler;
    }
}
