package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.events.TimeExpression;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.registry.agencies.Agency;
import org.commitmenttracker.registry.agencies.AgencyDirectory;
import org.commitmenttracker.registry.agencies.AssignmentRule;
import org.commitmenttracker.registry.agencies.AssignmentRules;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.registry.store.Commitments;
import org.commitmenttracker.service.deadletter.BatchDeadLetters;
import org.commitmenttracker.testsupport.BatchPolls;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.UsesInMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The registry's function beans through their bindings, without a broker (the test binder; the store in this JVM):
 * what each does with a valid event, and that a malformed one is dead-lettered with its reason. The batch bindings
 * get a poll as the Kafka binder hands it over (the records in {@link KafkaHeaders#RAW_DATA}) and their refusals go
 * to {@link BatchDeadLetters} (whose records and headers BatchDeadLettersTest checks). The broker round trip is
 * ProgressBatchIT's and CommitmentRegistrationIT's; a store outage is RegistryStoreOutageIT's.
 */
@UsesInMemoryStore(database = "registry-bindings")
@SpringBootTest(properties = {"spring.kafka.admin.auto-create=false", "tracker.deadlines.initial-delay=1h"})
@EnableTestBinder
class RegistryBindingsTest {
    private static final EventCodec CODEC = new EventCodec();
    private static final LocalDate DUE = LocalDate.of(2031, 12, 31);

    @Autowired
    InputDestination input;
    @Autowired
    Commitments commitments;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Clock clock;
    @MockitoBean
    BatchDeadLetters deadLetters;

    private final String documentId = "doc-" + UUID.randomUUID();
    private final String commitmentId = "cmt-" + UUID.randomUUID();
    private long offset;

    @BeforeEach
    void agenciesAndRules(@Autowired AgencyDirectory directory, @Autowired AssignmentRules rules) {
        directory.save(new Agency("mofcom", "Ministry of Commerce", "CN", "desk@example.org"));
        rules.save(new AssignmentRule("section-2", 2, null, List.of("mofcom")));
    }

    @Test
    void registerCommitmentsStoresANewCommitmentAssignedByTheRulesAndDeadLettersWhatIsNoEvent() {
        byte[] extracted = event(extracted(commitmentId));
        List<ConsumerRecord<String, byte[]>> poll = List.of(record(Topics.COMMITMENTS, extracted),
                record(Topics.COMMITMENTS, "{\"specversion\":\"1.0\"".getBytes(StandardCharsets.UTF_8)),
                record(Topics.COMMITMENTS, extracted)); // the same event again: nothing new
        input.send(BatchPolls.of(poll), Topics.COMMITMENTS);

        Commitment stored = commitments.find(commitmentId).orElseThrow();
        assertThat(stored.status()).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(stored.agencies()).containsExactly("mofcom");
        assertThat(stored.dueDate()).isEqualTo(DUE);
        assertThat(stored.nextDeadlineCheck()).isEqualTo(DUE.minusDays(30));
        assertThat(stored.history()).extracting(h -> h.kind()).containsExactly("registered", "assignment");
        assertThat(waitingEvents(commitmentId)).containsEntry("commitment.status-changed.v1", Topics.STATUS_CHANGES);

        assertThat(BatchPolls.deadLettered(deadLetters)).containsOnlyKeys(poll.get(1));
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(1))).startsWith("Event is not valid JSON");
    }

    @Test
    void withdrawCommuniquesWithdrawsTheCommuniquesCommitmentsAndDeadLettersWhatIsNoEvent() {
        String otherCommuniques = "cmt-" + UUID.randomUUID();
        input.send(BatchPolls.of(List.of(record(Topics.COMMITMENTS, event(extracted(commitmentId))),
                record(Topics.COMMITMENTS, event(extracted(otherCommuniques, "doc-" + UUID.randomUUID()))))), Topics.COMMITMENTS);
        List<ConsumerRecord<String, byte[]>> poll = List.of(
                record(Topics.COMMUNIQUES, "{\"specversion\":\"1.0\",\"type\":\"communique.withdrawn.v1\"}"
                        .getBytes(StandardCharsets.UTF_8)),
                record(Topics.COMMUNIQUES, "[]".getBytes(StandardCharsets.UTF_8)),
                // Naming no communiqué, it must withdraw nothing (a filter without its document would match them all).
                record(Topics.COMMUNIQUES, event(new CommuniqueWithdrawn(" ", "no document", "operator", clock.instant()))),
                record(Topics.COMMUNIQUES, event(new CommuniqueWithdrawn(documentId, "published in error", "operator",
                        clock.instant()))));
        input.send(BatchPolls.of(poll), Topics.COMMUNIQUES);

        Commitment withdrawn = commitments.find(commitmentId).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(CommitmentStatus.WITHDRAWN);
        assertThat(withdrawn.history()).last().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("operator");
            assertThat(entry.cause()).isEqualTo("communiqué withdrawn: published in error");
        });
        assertThat(commitments.find(otherCommuniques).orElseThrow().status()).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(BatchPolls.deadLettered(deadLetters)).containsOnlyKeys(poll.get(0), poll.get(1), poll.get(2));
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(0))).isEqualTo("Event communique.withdrawn.v1 has no data object");
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(1))).isEqualTo("Event is not a JSON object");
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(2)))
                .isEqualTo("Event communique.withdrawn.v1 names no document or commitment id (its subject)");
    }

    @Test
    void applyProgressMovesTheCommitmentOnAnAgencysTokenAndDeadLettersEachRefusedReportWithItsReason() {
        input.send(BatchPolls.of(List.of(record(Topics.COMMITMENTS, event(extracted(commitmentId))))), Topics.COMMITMENTS);
        String token = TestTokens.agency("mofcom");
        List<ConsumerRecord<String, byte[]>> poll = List.of(
                record(Topics.PROGRESS, event(progress("IN_PROGRESS", 30)), token),
                record(Topics.PROGRESS, event(progress("IN_PROGRESS", 40)), null),
                record(Topics.PROGRESS, event(progress(null, 140)), token),
                record(Topics.PROGRESS, event(progress("PLEDGED", 50)), token));
        input.send(BatchPolls.of(poll), Topics.PROGRESS);

        Commitment stored = commitments.find(commitmentId).orElseThrow();
        assertThat(stored.status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
        assertThat(stored.percentComplete()).isEqualTo(30);
        assertThat(BatchPolls.deadLettered(deadLetters)).containsOnlyKeys(poll.get(1), poll.get(2), poll.get(3));
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(1))).contains("carries no token");
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(2))).contains("percentComplete must be between 0 and 100");
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(3))).contains("An agency may report only [IN_PROGRESS, STALLED, COMPLETED], not PLEDGED.");
    }

    /** Events of the commitment the outbox holds (the relay finds no broker here), by type: topic. */
    private Map<String, String> waitingEvents(String id) {
        Document stored = mongo.findById(id, Document.class, CommitmentStore.COLLECTION);
        Map<String, String> waiting = new LinkedHashMap<>();
        stored.getList("outbox", Document.class).forEach(message -> waiting.put(
                CODEC.decode(message.getString("payload").getBytes(StandardCharsets.UTF_8)).type(), message.getString("topic")));
        return waiting;
    }

    private CommitmentExtracted extracted(String id) {
        return extracted(id, documentId);
    }

    private CommitmentExtracted extracted(String id, String documentId) {
        return new CommitmentExtracted(id, documentId, "Joint statement", LocalDate.of(2025, 5, 8), "bullet", 2, 1,
                "The sides will open a trade office by the end of 2031.", List.of("CN", "RU"), List.of(), List.of(),
                List.of("trade"), List.of(new TimeExpression("by the end of 2031", null, DUE, false)), "1.0.0");
    }

    private ProgressReported progress(String status, Integer percent) {
        return new ProgressReported(commitmentId, "mofcom", status, percent, "on track", List.of(), clock.instant());
    }

    private byte[] event(EventData data) {
        return CODEC.encode(EventEnvelope.of(UUID.randomUUID(), "test", data, clock.instant(), null));
    }

    private ConsumerRecord<String, byte[]> record(String topic, byte[] value) {
        return record(topic, value, null);
    }

    /** A record as the Kafka binder would hand it over, with the sender's token (null: none). */
    private ConsumerRecord<String, byte[]> record(String topic, byte[] value, String authorization) {
        RecordHeaders headers = new RecordHeaders();
        if (authorization != null) {
            headers.add(BatchDeadLetters.AUTHORIZATION, authorization.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(topic, 0, offset++, clock.millis(), TimestampType.CREATE_TIME, -1, value.length,
                commitmentId, value, headers, Optional.empty());
    }
}
