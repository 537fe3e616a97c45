package org.commitmenttracker.service.outbox;

import java.nio.charset.StandardCharsets;

import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;

/**
 * An event waiting to be published, stored inside the aggregate document whose change it announces, so
 * that the change and its announcement are written in one atomic single-document update.
 */
public record OutboxMessage(String eventId, String topic, String key, String payload) {

    public static OutboxMessage of(EventEnvelope<?> envelope, EventCodec codec) {
        return new OutboxMessage(envelope.id().toString(), envelope.eventType().topic(), envelope.subject(),
                new String(codec.encode(envelope), StandardCharsets.UTF_8));
    }
}
