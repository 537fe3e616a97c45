package org.commitmenttracker.extraction.analysis;

import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmenttracker.events.CommuniqueReceived;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.service.deadletter.BatchDeadLetters;
import org.commitmenttracker.service.trace.TraceContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code extractCommitments} binding on {@code communiques}, in batch mode like every other binding for its
 * error handling ({@link BatchDeadLetters}): a record that is no valid event, or a communiqué the engine cannot
 * read, is dead-lettered with the reason; a store failure fails the poll, which is redelivered until the store is
 * back, so a valid communiqué is never dead-lettered for an outage. Analysing again changes nothing
 * ({@link CommuniqueExtraction} keeps an analysis this engine made).
 */
@Configuration
class CommuniqueConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> extractCommitments(CommuniqueExtraction extraction, EventCodec codec,
                                                       BatchDeadLetters deadLetters) {
        return batch -> {
            for (ConsumerRecord<?, ?> record : BatchDeadLetters.records(batch)) {
                try {
                    byte[] payload = (byte[]) record.value();
                    EventEnvelope<? extends EventData> event = codec.decode(payload);
                    if (!(event.data() instanceof CommuniqueReceived)) {
                        continue; // communique.withdrawn.v1 concerns the registry; the analysis stays as the record
                    }
                    EventEnvelope<CommuniqueReceived> received = codec.decode(payload, CommuniqueReceived.class);
                    try (TraceContext.Scope trace = TraceContext.continueFrom(received.traceparent())) {
                        extraction.extract(received);
                    }
                } catch (InvalidEventException e) {
                    deadLetters.send(record, e);
                }
            }
        };
    }
}
