package org.commitmenttracker.extraction.analysis;

import java.util.function.Consumer;

import org.commitmenttracker.events.CommuniqueReceived;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.service.trace.TraceContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code extractCommitments} binding on {@code communiques}. An exception fails the record: the binder
 * retries it with back-off and then dead-letters it with the reason; it is never acknowledged silently.
 */
@Configuration
class CommuniqueConsumer {

    @Bean
    Consumer<Message<byte[]>> extractCommitments(CommuniqueExtraction extraction, EventCodec codec) {
        return message -> {
            EventEnvelope<? extends EventData> envelope = codec.decode(message.getPayload());
            try (TraceContext.Scope trace = TraceContext.continueFrom(envelope.traceparent())) {
                if (envelope.data() instanceof CommuniqueReceived) {
                    extraction.extract(codec.decode(message.getPayload(), CommuniqueReceived.class));
                }
            }
            // communique.withdrawn.v1 concerns the registry; the analysis stays as the record of what was read.
        };
    }
}
