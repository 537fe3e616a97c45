package org.commitmenttracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmenttracker.events.CommuniqueReceived;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.extraction.analysis.AnalysisRecord;
import org.commitmenttracker.extraction.analysis.CommuniqueExtraction;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.service.deadletter.BatchDeadLetters;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.commitmenttracker.testsupport.BatchPolls;
import org.commitmenttracker.testsupport.UsesInMemoryStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * {@code extractCommitments} through its binding, without a broker (the test binder; the store in this JVM), fed one
 * poll at a time as the Kafka binder hands it over ({@link BatchPolls}): a received communiqué becomes a stored
 * analysis whose outbox holds its commitments' events, once; a record that is no event, or a communiqué the engine
 * fails on, goes to the dead letters with the reason and the rest of the poll is analysed (CommuniqueExtractionIT
 * checks the dead letters on the broker).
 */
@UsesInMemoryStore(database = "extraction-binding")
@SpringBootTest(properties = "spring.kafka.admin.auto-create=false")
@EnableTestBinder
class ExtractionBindingTest {
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    InputDestination input;
    @Autowired
    CommuniqueExtraction extraction;
    @MockitoBean
    BatchDeadLetters deadLetters;
    @MockitoSpyBean
    CommuniqueAnalyzer analyzer;

    private final String documentId = "doc-" + UUID.randomUUID();
    private long offset;

    @Test
    void aReceivedCommuniqueIsAnalysedOnceWithItsCommitmentsEventsWaitingToBePublished() {
        byte[] received = received(documentId);
        input.send(BatchPolls.of(List.of(record(received))), Topics.COMMUNIQUES);

        AnalysisRecord analysis = extraction.find(documentId).orElseThrow();
        assertThat(analysis.analysis().commitments()).isNotEmpty();
        assertThat(analysis.noCommitmentReason()).isNull();
        List<String> types = analysis.outbox().stream().map(ExtractionBindingTest::type).toList();
        assertThat(types).hasSize(analysis.analysis().commitments().size() + 1)
                .endsWith("communique.analysed.v1").containsOnly("commitment.extracted.v1", "communique.analysed.v1");
        assertThat(analysis.outbox()).extracting(OutboxMessage::topic).containsOnly(Topics.COMMITMENTS);

        input.send(BatchPolls.of(List.of(record(received))), Topics.COMMUNIQUES); // redelivered
        assertThat(extraction.find(documentId).orElseThrow()).isEqualTo(analysis);
        assertThat(BatchPolls.deadLettered(deadLetters)).isEmpty();
    }

    @Test
    void aWithdrawnCommuniqueIsTheRegistrysBusiness() {
        input.send(BatchPolls.of(List.of(record(event(new CommuniqueWithdrawn(documentId, "duplicate", "operator",
                Instant.now()))))), Topics.COMMUNIQUES);
        assertThat(extraction.find(documentId)).isEmpty();
        assertThat(BatchPolls.deadLettered(deadLetters)).isEmpty();
    }

    @Test
    void whatIsNoEventAndWhatTheEngineFailsOnAreDeadLetteredWithTheReasonAndTheRestOfThePollIsAnalysed() {
        String unreadable = "doc-" + UUID.randomUUID();
        doThrow(new IllegalStateException("a defect")).when(analyzer)
                .analyze(argThat(document -> document != null && unreadable.equals(document.documentId())));
        List<ConsumerRecord<String, byte[]>> poll = List.of(
                record("{\"specversion\":\"1.0\",\"type\":\"no.such.type.v1\"}".getBytes(StandardCharsets.UTF_8)),
                record("[]".getBytes(StandardCharsets.UTF_8)),
                record(received(unreadable)),
                record(received(documentId)));
        input.send(BatchPolls.of(poll), Topics.COMMUNIQUES);

        assertThat(BatchPolls.deadLettered(deadLetters)).containsOnlyKeys(poll.get(0), poll.get(1), poll.get(2));
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(0))).isEqualTo("Unknown event type 'no.such.type.v1'");
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(1))).isEqualTo("Event is not a JSON object");
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(2)))
                .startsWith("The extraction engine " + CommuniqueAnalyzer.VERSION + " could not read communiqué " + unreadable)
                .contains("a defect");
        assertThat(extraction.find(unreadable)).isEmpty();
        assertThat(extraction.find(documentId)).isPresent();
    }

    private ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>(Topics.COMMUNIQUES, 0, offset++, "key-" + offset, value);
    }

    private static byte[] received(String documentId) {
        return event(new CommuniqueReceived(documentId, "hash", "公报", "zh", null, null,
                "双方商定：\n——支持举办博览会。", Instant.now(), null));
    }

    private static String type(OutboxMessage message) {
        return CODEC.decode(message.payload().getBytes(StandardCharsets.UTF_8)).type();
    }

    private static byte[] event(EventData data) {
        return CODEC.encode(EventEnvelope.of(UUID.randomUUID(), "/test", data, Instant.now(), null));
    }
}
