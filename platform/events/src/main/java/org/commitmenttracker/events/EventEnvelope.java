package org.commitmenttracker.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured mode: the attributes and the payload travel together as one
 * JSON object in the Kafka record value, so a dead-lettered or replayed record is self-describing.
 */
public record EventEnvelope<T extends EventData>(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String dataschema,
        String datacontenttype,
        String traceparent,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /**
     * A new event about {@code data}, continuing the trace of the event or request that caused it; a new trace when
     * {@code traceparent} is absent or not a valid one ({@link Traceparent#isValid}).
     */
    public static <T extends EventData> EventEnvelope<T> of(UUID id, String source, T data, Instant time,
                                                            String traceparent) {
        EventType eventType = EventType.of(data.getClass());
        return new EventEnvelope<>(SPEC_VERSION, id, source, eventType.typeName(), data.subject(), time,
                eventType.dataSchema(), CONTENT_TYPE,
                Traceparent.isValid(traceparent) ? traceparent : Traceparent.newRoot(), data);
    }

    public EventType eventType() {
        return EventType.ofTypeName(type).orElseThrow();
    }
}
