package org.commitmenttracker.registry.progress;

import java.util.function.Consumer;

import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.registry.lifecycle.ProgressRejected;
import org.commitmenttracker.registry.lifecycle.TransitionRejected;
import org.commitmenttracker.registry.store.CommitmentNotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code applyProgress} on {@code progress}: the same validation as over HTTP. A report the registry refuses is
 * not retried: it goes to {@code progress.registry.dlq} with the reason (the HTTP answer's detail).
 */
@Configuration
class ProgressConsumer {

    @Bean
    Consumer<Message<byte[]>> applyProgress(ProgressReports reports, EventCodec codec) {
        return message -> {
            EventEnvelope<ProgressReported> event = codec.decode(message.getPayload(), ProgressReported.class);
            ProgressReported data = event.data();
            try {
                reports.apply(data.commitmentId(), new ProgressSubmission(event.id().toString(), data.agencyId(),
                        data.status(), data.percentComplete(), data.note(), data.evidenceUrls(), data.occurredAt()),
                        event.traceparent());
            } catch (InvalidProgress | ProgressRejected | TransitionRejected | CommitmentNotFound e) {
                throw new InvalidEventException("Progress report " + event.id() + " refused: " + e.getMessage(), e);
            }
        };
    }
}
