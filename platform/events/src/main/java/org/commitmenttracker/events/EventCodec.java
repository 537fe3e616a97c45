package org.commitmenttracker.events;

import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON form of envelopes. Unknown fields are tolerated so producers can add optional fields without
 * breaking consumers; a missing attribute, an unknown type, a value of the wrong JSON type (no number read
 * as a string or the reverse) or a payload that does not bind is an {@link InvalidEventException} naming
 * what is wrong.
 */
public final class EventCodec {
    private final JsonMapper mapper;

    public EventCodec() {
        this(JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build());
    }

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] encode(EventEnvelope<?> envelope) {
        return mapper.writeValueAsBytes(envelope);
    }

    public EventEnvelope<? extends EventData> decode(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("The record has no value (a tombstone or an empty record), not an event");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidEventException("Event is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof ObjectNode node)) {
            throw new InvalidEventException("Event is not a JSON object");
        }
        String specversion = requiredText(node, "specversion");
        if (!EventEnvelope.SPEC_VERSION.equals(specversion)) {
            throw new InvalidEventException("Unsupported specversion '" + specversion + "'");
        }
        String type = requiredText(node, "type");
        EventType eventType = EventType.ofTypeName(type)
                .orElseThrow(() -> new InvalidEventException("Unknown event type '" + type + "'"));
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("Event " + type + " has no data object");
        }
        String id = requiredText(node, "id");
        String source = requiredText(node, "source");
        JsonNode time = required(node, "time");
        try {
            EventData payload = mapper.treeToValue(data, eventType.payloadType());
            if (payload.subject() == null || payload.subject().isBlank()) {
                // The subject is the id the event is about (a document or a commitment): without it a consumer would
                // apply the event to nothing, or to everything a query without that id matches.
                throw new InvalidEventException("Event " + type + " names no document or commitment id (its subject)");
            }
            return new EventEnvelope<>(specversion, UUID.fromString(id), source, type, text(node, "subject"),
                    mapper.treeToValue(time, java.time.Instant.class),
                    text(node, "dataschema"), text(node, "datacontenttype"), traceparent(node), payload);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidEventException("Event " + type + " does not bind: " + e.getMessage(), e);
        }
    }

    /** Decodes and checks the payload type, for consumers of one kind of event. */
    @SuppressWarnings("unchecked")
    public <T extends EventData> EventEnvelope<T> decode(byte[] json, Class<T> expected) {
        EventEnvelope<? extends EventData> envelope = decode(json);
        if (!expected.isInstance(envelope.data())) {
            throw new InvalidEventException("Expected " + EventType.of(expected).typeName() + " but got " + envelope.type());
        }
        return (EventEnvelope<T>) envelope;
    }

    private static JsonNode required(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidEventException("Event attribute '" + field + "' is missing");
        }
        return value;
    }

    private static String requiredText(ObjectNode node, String field) {
        return string(field, required(node, field));
    }

    /** The trace the event continues; one that is not a valid {@code traceparent} is dropped, not carried on. */
    private static String traceparent(ObjectNode node) {
        String value = text(node, "traceparent");
        return Traceparent.isValid(value) ? value : null;
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : string(field, value);
    }

    private static String string(String field, JsonNode value) {
        if (!value.isString()) {
            throw new InvalidEventException("Event attribute '" + field + "' is not a string");
        }
        return value.asString();
    }
}
