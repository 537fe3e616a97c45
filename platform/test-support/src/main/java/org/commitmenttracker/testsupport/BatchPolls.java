package org.commitmenttracker.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A batch binding's polls, driven through the test binder: the message the Kafka binder hands over (the values, and
 * the records themselves in {@link KafkaHeaders#RAW_DATA}, as the raw-records converter does), and what the consumer
 * handed to its (mocked) batch dead letters.
 */
public final class BatchPolls {
    private BatchPolls() {
    }

    /** One poll of these records. */
    public static Message<List<byte[]>> of(List<? extends ConsumerRecord<?, byte[]>> records) {
        List<byte[]> values = new ArrayList<>(records.size());
        records.forEach(record -> values.add(record.value()));
        return MessageBuilder.withPayload(values).setHeader(KafkaHeaders.RAW_DATA, records).build();
    }

    /** Each record sent to the mocked dead letters ({@code send(record, reason)}), with its reason's message. */
    public static Map<ConsumerRecord<?, ?>, String> deadLettered(Object deadLetters) {
        Map<ConsumerRecord<?, ?>, String> refused = new LinkedHashMap<>();
        for (Invocation send : Mockito.mockingDetails(deadLetters).getInvocations()) {
            refused.put(send.getArgument(0), send.<Exception>getArgument(1).getMessage());
        }
        return refused;
    }
}
