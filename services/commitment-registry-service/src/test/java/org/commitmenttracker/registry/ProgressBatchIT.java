package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.registry.RegistryFixtures.addCommitment;
import static org.commitmenttracker.registry.RegistryFixtures.assign;
import static org.commitmenttracker.registry.RegistryFixtures.commitmentAssignedToMofcom;
import static org.commitmenttracker.registry.RegistryFixtures.json;
import static org.commitmenttracker.registry.RegistryFixtures.progressRecord;
import static org.commitmenttracker.registry.RegistryFixtures.publish;
import static org.commitmenttracker.registry.RegistryFixtures.statusChangesOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.ProgressRejected;
import org.commitmenttracker.registry.lifecycle.ProgressReport;
import org.commitmenttracker.registry.store.CommitmentNotFound;
import org.commitmenttracker.registry.store.Commitments;
import org.commitmenttracker.registry.store.Commitments.Step;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Progress over Kafka in batches: the reports of one poll are applied together, in order; refused records are
 * dead-lettered one by one with their reason while the rest of the poll is applied; a commitment written by
 * someone else during a batch is applied again on its own. Every record carries its agency's token; one without,
 * with a forged or a non-agency token, or for another agency than its token's is dead-lettered with the reason.
 */
@RegistryIT
class ProgressBatchIT {
    private final EventCodec codec = new EventCodec();
    private final Instant t0 = Instant.now().minusSeconds(3600);

    @LocalServerPort
    int port;

    @Autowired
    Commitments commitments;

    private Http http;
    private String commitmentId;

    @BeforeEach
    void assignedCommitment() {
        http = RegistryFixtures.operator(port);
        commitmentId = commitmentAssignedToMofcom(http, "doc-batch");
    }

    @Test
    void aBatchAppliesValidReportsInOrderAnswersRepeatsAndDeadLettersEachRefusedRecordWithItsReason() {
        String first = UUID.randomUUID().toString();
        String outOfRange = UUID.randomUUID().toString();
        String unassigned = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String forbidden = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        String garbage = "not an event " + UUID.randomUUID();
        publish(List.of(
                record(first, "mofcom", "IN_PROGRESS", 10, t0),
                record(outOfRange, "mofcom", null, 140, t0),
                record(first, "mofcom", "IN_PROGRESS", 10, t0),                // the same event again
                record(unassigned, "minek", "STALLED", 10, t0),
                record(second, "mofcom", "STALLED", 20, t0.plusSeconds(60)),
                record(forbidden, "mofcom", "COMPLETED", 100, t0.plusSeconds(90)), // STALLED → COMPLETED
                progressRecord(commitmentId, garbage.getBytes(StandardCharsets.UTF_8), TestTokens.agency("mofcom")),
                record(third, "mofcom", "IN_PROGRESS", 50, t0.plusSeconds(120))));

        assertThat(statusChangesOf(commitmentId, 4)).extracting(CommitmentStatusChanged::to)
                .containsExactly("PLEDGED", "IN_PROGRESS", "STALLED", "IN_PROGRESS");
        JsonNode stored = json(http.get("/api/commitments/" + commitmentId));
        assertThat(stored.get("history").valueStream().filter(h -> h.get("kind").asString().startsWith("progress"))
                .map(h -> h.get("eventId").asString())).containsExactly(first, second, third);
        assertThat(stored.get("version").asLong()).isEqualTo(2 + 3);
        assertThat(stored.get("percentComplete").asInt()).isEqualTo(50);

        Map<String, String> reasons = deadLetterReasons(List.of(outOfRange, unassigned, forbidden, garbage),
                List.of(first, second, third));
        assertThat(reasons).containsOnlyKeys(outOfRange, unassigned, forbidden, garbage);
        assertThat(reasons.get(outOfRange)).contains("percentComplete must be between 0 and 100");
        assertThat(reasons.get(unassigned)).contains("not assigned");
        assertThat(reasons.get(forbidden)).contains("cannot go from STALLED to COMPLETED");
        assertThat(reasons.get(garbage)).contains("not valid JSON");
    }

    @Test
    void aRecordWithoutItsAgencysValidTokenIsDeadLetteredWithTheReasonAndWithoutTheToken() {
        String missing = UUID.randomUUID().toString();
        String notBearer = UUID.randomUUID().toString();
        String malformed = UUID.randomUUID().toString();
        String forged = UUID.randomUUID().toString();
        String reader = UUID.randomUUID().toString();
        String noAgencyId = UUID.randomUUID().toString();
        String mismatched = UUID.randomUUID().toString();
        String valid = UUID.randomUUID().toString();
        publish(List.of(
                record(missing, "mofcom", "IN_PROGRESS", 10, t0, null),
                record(notBearer, "mofcom", "IN_PROGRESS", 10, t0, "Basic bW9mY29tOnNlY3JldA=="),
                record(malformed, "mofcom", "IN_PROGRESS", 10, t0, "Bearer not.a.jwt"),
                record(forged, "mofcom", "IN_PROGRESS", 10, t0, forgedAgencyToken("mofcom")),
                record(reader, "mofcom", "IN_PROGRESS", 10, t0, TestTokens.bearer("reader")),
                record(noAgencyId, "mofcom", "IN_PROGRESS", 10, t0, TestTokens.bearer("agency-without-id", List.of("agency"), null)),
                // minek's system reporting for mofcom: minek is in the directory, the report is not its own.
                record(mismatched, "mofcom", "IN_PROGRESS", 10, t0, TestTokens.agency("minek")),
                record(valid, "mofcom", "IN_PROGRESS", 30, t0.plusSeconds(1))));

        assertThat(statusChangesOf(commitmentId, 2)).extracting(CommitmentStatusChanged::to)
                .containsExactly("PLEDGED", "IN_PROGRESS");
        Map<String, String> reasons = deadLetterReasons(
                List.of(missing, notBearer, malformed, forged, reader, noAgencyId, mismatched), List.of(valid));
        assertThat(reasons).containsOnlyKeys(missing, notBearer, malformed, forged, reader, noAgencyId, mismatched);
        assertThat(reasons.get(missing)).contains("carries no token");
        assertThat(reasons.get(notBearer)).contains("not 'Bearer <JWT>'");
        assertThat(reasons.get(malformed)).contains("token is not valid");
        assertThat(reasons.get(forged)).contains("token is not valid");
        assertThat(reasons.get(reader)).contains("not an agency's");
        assertThat(reasons.get(noAgencyId)).contains("not an agency's");
        assertThat(reasons.get(mismatched)).contains("agency mofcom's but the token speaks for agency minek");
        JsonNode stored = json(http.get("/api/commitments/" + commitmentId));
        assertThat(stored.get("history").valueStream().filter(h -> h.get("kind").asString().startsWith("progress"))
                .map(h -> h.get("eventId").asString())).containsExactly(valid);
        // A dead letter never keeps the sender's token.
        assertThat(TopicReader.readAll("progress.registry.dlq", Duration.ofSeconds(1)).stream()
                .filter(r -> holds(r, mismatched) || holds(r, forged)))
                .allSatisfy(r -> assertThat(r.headers().lastHeader(RegistryFixtures.AUTHORIZATION)).isNull());
    }

    /** An agency token with the right claims, signed by a key the registry does not trust. */
    private static String forgedAgencyToken(String agency) {
        return "Bearer " + org.commitmenttracker.devstack.LocalIssuer.generate()
                .token("agency-system-" + agency, List.of("agency"), agency, Duration.ofHours(1));
    }

    @Test
    void aCommitmentWrittenByAnotherWriterDuringTheBatchIsAppliedAgainAloneAndNothingIsLost() {
        String other = addCommitment(http, "doc-batch", null);
        assign(http, other, "mofcom");
        AtomicBoolean raced = new AtomicBoolean();
        Step racing = new Step(c -> {
            if (raced.compareAndSet(false, true)) { // someone else writes this commitment while the batch reads it
                commitments.update(c.id(), current -> current.assign(List.of("mofcom", "minek"), "operator", Instant.now()), null);
            }
            return c.report(report("r1", "mofcom", CommitmentStatus.IN_PROGRESS, t0), Instant.now());
        }, null);
        Map<String, List<Step>> steps = new LinkedHashMap<>();
        steps.put(commitmentId, List.of(racing,
                new Step(c -> c.report(report("r2", "nobody", null, t0), Instant.now()), null),
                new Step(c -> c.report(report("r3", "minek", CommitmentStatus.STALLED, t0.plusSeconds(60)), Instant.now()), null)));
        steps.put(other, List.of(new Step(c -> c.report(report("r4", "mofcom", CommitmentStatus.IN_PROGRESS, t0), Instant.now()), null)));
        steps.put("cmt-none", List.of(new Step(c -> c.report(report("r5", "mofcom", null, t0), Instant.now()), null)));

        Map<String, List<RuntimeException>> refused = commitments.updateAll(steps);

        assertThat(refused.get(commitmentId).get(0)).isNull();
        assertThat(refused.get(commitmentId).get(1)).isInstanceOf(ProgressRejected.class);
        assertThat(refused.get(commitmentId).get(2)).isNull(); // minek is assigned by the concurrent write
        assertThat(refused.get(other)).containsExactly((RuntimeException) null);
        assertThat(refused.get("cmt-none").get(0)).isInstanceOf(CommitmentNotFound.class);

        JsonNode raced1 = json(http.get("/api/commitments/" + commitmentId));
        assertThat(raced1.get("agencies").valueStream().map(JsonNode::asString)).containsExactly("minek", "mofcom");
        assertThat(raced1.get("status").asString()).isEqualTo("STALLED");
        assertThat(raced1.get("version").asLong()).isEqualTo(2 + 1 + 2); // registered, assigned; raced; r1, r3
        assertThat(statusChangesOf(commitmentId, 3)).extracting(CommitmentStatusChanged::to)
                .containsExactly("PLEDGED", "IN_PROGRESS", "STALLED");
        JsonNode written = json(http.get("/api/commitments/" + other));
        assertThat(written.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(written.get("version").asLong()).isEqualTo(3);
    }

    private ProgressReport report(String eventId, String agency, CommitmentStatus status, Instant occurredAt) {
        return new ProgressReport(eventId + "-" + commitmentId, agency, status, null, "note " + eventId, List.of(), occurredAt);
    }

    /** A report of {@code agency}, sent with that agency's token. */
    private ProducerRecord<String, byte[]> record(String eventId, String agency, String status, int percent, Instant at) {
        return record(eventId, agency, status, percent, at, TestTokens.agency(agency));
    }

    private ProducerRecord<String, byte[]> record(String eventId, String agency, String status, int percent, Instant at,
                                                  String authorization) {
        return progressRecord(commitmentId, codec.encode(EventEnvelope.of(UUID.fromString(eventId), "/agency/" + agency,
                new ProgressReported(commitmentId, agency, status, percent, "report " + eventId, List.of(), at),
                Instant.now(), null)), authorization);
    }

    /**
     * The reason ({@code x-exception-message}) of each dead-lettered record holding one of {@code expected} or
     * {@code unexpected}, by marker, once all the expected ones are there.
     */
    private Map<String, String> deadLetterReasons(List<String> expected, List<String> unexpected) {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil("progress.registry.dlq",
                records -> expected.stream().allMatch(m -> records.stream().anyMatch(r -> holds(r, m))),
                Duration.ofSeconds(60), Duration.ofSeconds(1));
        for (String marker : java.util.stream.Stream.concat(expected.stream(), unexpected.stream()).toList()) {
            List<ConsumerRecord<String, byte[]>> matching = dead.stream().filter(r -> holds(r, marker)).toList();
            if (!matching.isEmpty()) {
                assertThat(matching).as("dead-lettered once: " + marker).hasSize(1);
                ConsumerRecord<String, byte[]> record = matching.get(0);
                assertThat(record.key()).isEqualTo(commitmentId);
                assertThat(new String(record.headers().lastHeader("x-original-topic").value(), StandardCharsets.UTF_8))
                        .isEqualTo(Topics.PROGRESS);
                reasons.put(marker, new String(record.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8));
            }
        }
        return reasons;
    }

    private static boolean holds(ConsumerRecord<String, byte[]> record, String marker) {
        return new String(record.value(), StandardCharsets.UTF_8).contains(marker);
    }
}
