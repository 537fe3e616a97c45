package org.commitmenttracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventCodecTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    private static EventEnvelope<CommitmentExtracted> extracted() {
        return EventEnvelope.of(EventIds.of("x"), "/test", new CommitmentExtracted("cmt-1", "doc-1", "公报",
                LocalDate.of(2022, 12, 5), "bullet", 2, 3, "支持。", List.of("CN", "RU"), List.of(), List.of("SCO"),
                List.of("trade"), List.of(new TimeExpression("2023年", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), false)),
                "1.0.0"), Instant.parse("2026-01-01T00:00:00Z"), null);
    }

    @Test
    void roundTripsAnEnvelopeWithItsCloudEventsAttributes() {
        EventEnvelope<CommitmentExtracted> event = extracted();
        String json = new String(codec.encode(event), StandardCharsets.UTF_8);
        assertThat(json).contains("\"specversion\":\"1.0\"", "\"type\":\"commitment.extracted.v1\"", "\"subject\":\"cmt-1\"",
                "\"time\":\"2026-01-01T00:00:00Z\"", "\"end\":\"2023-12-31\"", "\"traceparent\":\"00-");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8), CommitmentExtracted.class)).isEqualTo(event);
    }

    /**
     * A trace is carried into every event an event or request causes, and those are stored and sent: one that is no
     * valid traceparent (here 2 MB of it) is dropped on decoding and never put into a new event.
     */
    @Test
    void aTraceThatIsNoValidTraceparentIsNotCarriedOn() {
        String hugeTrace = "00-" + "0".repeat(2_000_000);
        String json = new String(codec.encode(extracted()), StandardCharsets.UTF_8)
                .replaceFirst("\"traceparent\":\"[^\"]+\"", "\"traceparent\":\"" + hugeTrace + "\"");
        EventEnvelope<CommitmentExtracted> decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8), CommitmentExtracted.class);
        assertThat(decoded.traceparent()).isNull();
        assertThat(decoded.data().text()).isEqualTo("支持。");

        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        for (String trace : List.of(hugeTrace, valid.toUpperCase(), valid + " ", "01" + valid.substring(2))) {
            String carried = EventEnvelope.of(UUID.randomUUID(), "/t", decoded.data(), Instant.now(), trace).traceparent();
            assertThat(carried).as(trace.length() > 60 ? "2 MB" : trace).isNotEqualTo(trace).matches(Traceparent::isValid);
        }
        assertThat(EventEnvelope.of(UUID.randomUUID(), "/t", decoded.data(), Instant.now(), valid).traceparent()).isEqualTo(valid);
    }

    @Test
    void toleratesFieldsItDoesNotKnow() {
        String json = new String(codec.encode(extracted()), StandardCharsets.UTF_8)
                .replace("\"kind\":\"bullet\"", "\"kind\":\"bullet\",\"addedLater\":{\"x\":1}")
                .replace("\"specversion\"", "\"extension\":\"y\",\"specversion\"");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8), CommitmentExtracted.class).data().text()).isEqualTo("支持。");
    }

    @Test
    void namesWhatIsWrongWithAnInvalidEvent() {
        assertThatThrownBy(() -> codec.decode((byte[]) null)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no value");
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> codec.decode("{\"specversion\":\"1.0\",\"type\":\"x.v9\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("Unknown event type 'x.v9'");
        assertThatThrownBy(() -> codec.decode("{\"specversion\":\"1.0\",\"type\":\"commitment.extracted.v1\",\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidEventException.class).hasMessageContaining("'id'");
        byte[] received = codec.encode(EventEnvelope.of(UUID.randomUUID(), "/t",
                new CommuniqueWithdrawn("d", "r", "a", Instant.now()), Instant.now(), null));
        assertThatThrownBy(() -> codec.decode(received, CommitmentExtracted.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("Expected commitment.extracted.v1");
    }

    @Test
    void refusesAnEventWithoutTheIdsThatSayWhatItIsAbout() {
        // Applied, such an event would withdraw every commitment (a filter without its document) or register one
        // without an id.
        assertRefused(EventSamples.BY_TYPE.get(EventType.COMMUNIQUE_WITHDRAWN), "documentId", "names no document or commitment id");
        assertRefused(EventSamples.BY_TYPE.get(EventType.COMMUNIQUE_ANALYSED), "documentId", "names no document or commitment id");
        assertRefused(EventSamples.BY_TYPE.get(EventType.COMMUNIQUE_ANALYSED), "commitmentIds", "commitmentIds is missing");
        assertRefused(EventSamples.BY_TYPE.get(EventType.COMMITMENT_EXTRACTED), "commitmentId", "names no document or commitment id");
        assertRefused(EventSamples.BY_TYPE.get(EventType.COMMITMENT_EXTRACTED), "documentId", "documentId is missing");
        assertRefused(EventSamples.BY_TYPE.get(EventType.COMMITMENT_LINKED), "earlierCommitmentId", "earlierCommitmentId is missing");
        for (EventData sample : EventSamples.BY_TYPE.values()) {
            String json = new String(codec.encode(EventSamples.envelope(sample)), StandardCharsets.UTF_8)
                    .replace("\"" + sample.subject() + "\"", "\"  \"");
            assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                    .as(sample.getClass().getSimpleName()).isInstanceOf(InvalidEventException.class);
        }
    }

    private void assertRefused(EventData sample, String field, String reason) {
        JsonNode envelope = JSON.readTree(codec.encode(EventSamples.envelope(sample)));
        ((ObjectNode) envelope.get("data")).remove(field);
        assertThatThrownBy(() -> codec.decode(JSON.writeValueAsBytes(envelope)))
                .as(sample.getClass().getSimpleName() + " without " + field)
                .isInstanceOf(InvalidEventException.class).hasMessageContaining(reason);
    }

    @Test
    void everyPayloadHasOneLogicalTypeAndTopic() {
        for (EventType type : EventType.values()) {
            assertThat(type.typeName()).matches("[a-z-]+\\.[a-z-]+\\.v\\d+");
            assertThat(EventType.of(type.payloadType())).isEqualTo(type);
            assertThat(EventType.ofTypeName(type.typeName())).contains(type);
        }
        assertThat(EventIds.of("a", "b")).isEqualTo(EventIds.of("a", "b")).isNotEqualTo(EventIds.of("ab"));
    }
}
