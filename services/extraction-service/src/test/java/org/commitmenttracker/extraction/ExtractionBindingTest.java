package org.commitmenttracker.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.commitmenttracker.events.CommuniqueReceived;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.extraction.analysis.AnalysisRecord;
import org.commitmenttracker.extraction.analysis.CommuniqueExtraction;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.commitmenttracker.testsupport.UsesInMemoryStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.integration.context.IntegrationContextUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.messaging.support.MessageBuilder;

/**
 * {@code extractCommitments} through its binding, without a broker (the test binder; the store in this JVM): a
 * received communiqué becomes a stored analysis whose outbox holds its commitments' events, once; a record that is
 * no event fails the binding with the reason, which the Kafka binder writes into the dead letter
 * (CommuniqueExtractionIT checks that dead letter on the broker).
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
    /** Where a binding hands a failure once retries are over (from its own error channel). */
    @Autowired
    @Qualifier(IntegrationContextUtils.ERROR_CHANNEL_BEAN_NAME)
    SubscribableChannel errorChannel;

    private final String documentId = "doc-" + UUID.randomUUID();

    @Test
    void aReceivedCommuniqueIsAnalysedOnceWithItsCommitmentsEventsWaitingToBePublished() {
        byte[] received = event(new CommuniqueReceived(documentId, "hash", "公报", "zh", null, null,
                "双方商定：\n——支持举办博览会。", Instant.now(), null));
        input.send(MessageBuilder.withPayload(received).build(), Topics.COMMUNIQUES);

        AnalysisRecord analysis = extraction.find(documentId).orElseThrow();
        assertThat(analysis.analysis().commitments()).isNotEmpty();
        assertThat(analysis.noCommitmentReason()).isNull();
        List<String> types = analysis.outbox().stream().map(ExtractionBindingTest::type).toList();
        assertThat(types).hasSize(analysis.analysis().commitments().size() + 1)
                .endsWith("communique.analysed.v1").containsOnly("commitment.extracted.v1", "communique.analysed.v1");
        assertThat(analysis.outbox()).extracting(OutboxMessage::topic).containsOnly(Topics.COMMITMENTS);

        input.send(MessageBuilder.withPayload(received).build(), Topics.COMMUNIQUES); // redelivered
        assertThat(extraction.find(documentId).orElseThrow()).isEqualTo(analysis);
    }

    @Test
    void aWithdrawnCommuniqueIsTheRegistrysBusiness() {
        input.send(MessageBuilder.withPayload(event(new CommuniqueWithdrawn(documentId, "duplicate", "operator",
                Instant.now()))).build(), Topics.COMMUNIQUES);
        assertThat(extraction.find(documentId)).isEmpty();
    }

    @Test
    void aRecordThatIsNoEventFailsTheBindingWithTheReason() {
        BlockingQueue<Message<?>> errors = new LinkedBlockingQueue<>();
        errorChannel.subscribe(errors::add); // from here the Kafka binder writes the dead letter
        input.send(MessageBuilder.withPayload("{\"specversion\":\"1.0\",\"type\":\"no.such.type.v1\"}"
                .getBytes(StandardCharsets.UTF_8)).build(), Topics.COMMUNIQUES);

        assertThat(errors.poll()).isInstanceOfSatisfying(ErrorMessage.class, error ->
                assertThat(error.getPayload()).isInstanceOf(MessagingException.class).rootCause()
                        .isInstanceOf(InvalidEventException.class).hasMessage("Unknown event type 'no.such.type.v1'"));
        assertThat(extraction.find(documentId)).isEmpty();
    }

    private static String type(OutboxMessage message) {
        return CODEC.decode(message.payload().getBytes(StandardCharsets.UTF_8)).type();
    }

    private static byte[] event(EventData data) {
        return CODEC.encode(EventEnvelope.of(UUID.randomUUID(), "/test", data, Instant.now(), null));
    }
}
