package org.commitmenttracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** What a consumer dead-lettered: each record (by key) exactly once, with its reason in {@code x-exception-message}. */
public final class DeadLetters {
    private DeadLetters() {
    }

    /**
     * Writes to {@code topic} every hostile variant of {@code validEvent} that {@code decoder} refuses with
     * {@code refusal}, each under a fresh key; answers key → variant name, for {@link #assertDeadLettered}.
     */
    public static Map<String, String> sendRefusedVariants(String topic, String validEvent, Consumer<byte[]> decoder,
                                                          Class<? extends RuntimeException> refusal) {
        return sendRefusedVariants(topic, validEvent, decoder, refusal, Map.of());
    }

    /** The same, each record with {@code headers}. */
    public static Map<String, String> sendRefusedVariants(String topic, String validEvent, Consumer<byte[]> decoder,
                                                          Class<? extends RuntimeException> refusal,
                                                          Map<String, String> headers) {
        Map<String, String> keys = new LinkedHashMap<>();
        HostileInput.variantsRefusedBy(validEvent, decoder, refusal).forEach((name, bytes) -> {
            String key = "hostile-" + UUID.randomUUID();
            keys.put(key, name);
            TopicReader.write(topic, key, bytes, headers);
        });
        return keys;
    }

    /**
     * Waits until every key of {@code expected} (key → what the record was, for messages) is on
     * {@code deadLetterTopic}, then checks each came once and names its reason.
     */
    public static void assertDeadLettered(String deadLetterTopic, Map<String, String> expected, Duration patience) {
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(deadLetterTopic,
                records -> records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(expected.keySet()),
                patience, Duration.ZERO).stream().filter(r -> expected.containsKey(r.key())).toList();
        assertThat(dead.stream().map(record -> expected.get(record.key())).toList()).as(deadLetterTopic)
                .containsExactlyInAnyOrderElementsOf(expected.values());
        assertThat(dead).allSatisfy(record -> {
            Header reason = record.headers().lastHeader("x-exception-message");
            assertThat(reason).as(expected.get(record.key())).isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).as(expected.get(record.key())).isNotBlank();
        });
    }
}
