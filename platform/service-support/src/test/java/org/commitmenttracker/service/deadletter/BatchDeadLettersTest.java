package org.commitmenttracker.service.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.commitmenttracker.events.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** What a dead letter carries: the record as it came minus credentials, its origin and the reason. */
class BatchDeadLettersTest {
    private final MockProducer<byte[], byte[]> broker = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final BatchDeadLetters deadLetters = new BatchDeadLetters(new KafkaTemplate<>(new MockProducerFactory<>(() -> broker)),
            Map.of("progress", "progress.registry.dlq"));

    @Test
    void aDeadLetterIsTheRecordAsItCameWithItsOriginAndReason() {
        ConsumerRecord<byte[], byte[]> record = record("progress");
        record.headers().add("traceparent", bytes("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        deadLetters.send(record, new InvalidEventException("Progress report r1 refused: not assigned"));

        assertThat(broker.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> dead = broker.history().get(0);
        assertThat(dead.topic()).isEqualTo("progress.registry.dlq");
        assertThat(dead.key()).isEqualTo(record.key());
        assertThat(dead.value()).isEqualTo(record.value());
        assertThat(header(dead, "x-exception-message")).isEqualTo("Progress report r1 refused: not assigned");
        assertThat(header(dead, "x-exception-fqcn")).isEqualTo(InvalidEventException.class.getName());
        assertThat(header(dead, "x-original-topic")).isEqualTo("progress");
        assertThat(ByteBuffer.wrap(dead.headers().lastHeader("x-original-partition").value()).getInt()).isEqualTo(2);
        assertThat(ByteBuffer.wrap(dead.headers().lastHeader("x-original-offset").value()).getLong()).isEqualTo(42);
        assertThat(header(dead, "traceparent")).startsWith("00-4bf92f35");
    }

    @Test
    void aDeadLetterKeepsNoTokenWhateverTheHeadersCase() {
        ConsumerRecord<byte[], byte[]> record = record("progress");
        record.headers().add("Authorization", bytes("Bearer first"));
        record.headers().add("authorization", bytes("Bearer second"));

        deadLetters.send(record, new InvalidEventException("refused"));

        assertThat(broker.history().get(0).headers().toArray()).extracting(h -> h.key().toLowerCase())
                .doesNotContain("authorization").contains("x-exception-message");
    }

    @Test
    void aRecordOfATopicWithoutDeadLetterTopicFailsThePoll() {
        assertThatThrownBy(() -> deadLetters.send(record("elsewhere"), new InvalidEventException("refused")))
                .isInstanceOf(IllegalStateException.class).hasMessage("No batch binding with a dlq-name consumes elsewhere");
        assertThat(broker.history()).isEmpty();
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic) {
        return new ConsumerRecord<>(topic, 2, 42, 0L, TimestampType.CREATE_TIME, 0, 0, bytes("cmt-1"), bytes("{}"),
                new RecordHeaders(), Optional.empty());
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
