package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.registry.RegistryFixtures.commitmentAssignedToMofcom;
import static org.commitmenttracker.registry.RegistryFixtures.json;
import static org.commitmenttracker.registry.RegistryFixtures.report;
import static org.commitmenttracker.registry.RegistryFixtures.statusChangesOf;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Progress reports over HTTP and Kafka, through one validation path, against the real broker and store. */
@RegistryIT
class ProgressReportingIT {
    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    private Http http;
    private Http mofcom;
    private String commitmentId;
    private final Instant t0 = Instant.now().minusSeconds(3600);

    @BeforeEach
    void assignedCommitment() {
        http = RegistryFixtures.operator(port);
        mofcom = RegistryFixtures.agency(port, "mofcom");
        commitmentId = commitmentAssignedToMofcom(http, "doc-progress");
    }

    @Test
    void aReportMovesTheStatusIsAnnouncedAndARepeatAnswersTheFirstResult() {
        String body = report("r-" + UUID.randomUUID(), "mofcom", "IN_PROGRESS", 40, t0);
        HttpResponse<String> first = mofcom.post("/api/commitments/" + commitmentId + "/progress", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(json(first).get("repeated").asBoolean()).isFalse();

        HttpResponse<String> repeat = mofcom.post("/api/commitments/" + commitmentId + "/progress", body);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(json(repeat).get("repeated").asBoolean()).isTrue();
        assertThat(json(repeat).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(json(repeat).get("appliedAt").asString()).isEqualTo(json(first).get("appliedAt").asString());

        JsonNode stored = json(http.get("/api/commitments/" + commitmentId));
        assertThat(stored.get("percentComplete").asInt()).isEqualTo(40);
        assertThat(stored.get("history").valueStream().filter(h -> h.get("kind").asString().equals("progress"))).hasSize(1);

        List<CommitmentStatusChanged> changes = statusChangesOf(commitmentId, 2);
        assertThat(changes).extracting(CommitmentStatusChanged::to).containsExactly("PLEDGED", "IN_PROGRESS");
        assertThat(changes.get(1).actor()).isEqualTo("agency:mofcom");
    }

    @Test
    void refusalsAreProblemsThatNameTheReason() {
        String path = "/api/commitments/" + commitmentId + "/progress";
        HttpResponse<String> transition = mofcom.post(path, report("r-" + UUID.randomUUID(), "mofcom", "COMPLETED", 100, t0));
        assertThat(transition.statusCode()).isEqualTo(409);
        assertThat(transition.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(transition).get("allowed").toString()).contains("IN_PROGRESS", "STALLED").doesNotContain("COMPLETED");

        assertThat(mofcom.post("/api/commitments/cmt-none/progress", report("r-x", "mofcom", null, 1, t0)).statusCode()).isEqualTo(404);
        HttpResponse<String> unknownAgency = RegistryFixtures.agency(port, "nobody")
                .post(path, report("r-" + UUID.randomUUID(), "nobody", null, 1, t0));
        assertThat(unknownAgency.statusCode()).isEqualTo(403);
        assertThat(json(unknownAgency).get("detail").asString()).contains("not in the agency directory");
        HttpResponse<String> unassigned = RegistryFixtures.agency(port, "minek")
                .post(path, report("r-" + UUID.randomUUID(), "minek", null, 1, t0));
        HttpResponse<String> unknown = RegistryFixtures.agency(port, "minek")
                .post("/api/commitments/cmt-none/progress", report("r-" + UUID.randomUUID(), "minek", null, 1, t0));
        // To an agency that is not assigned, the commitment looks like an unknown one: 404, the same problem, no agencies.
        assertThat(unassigned.statusCode()).isEqualTo(404);
        assertThat(json(unassigned).get("title")).isEqualTo(json(unknown).get("title"));
        assertThat(unassigned.body()).doesNotContain("mofcom", "assigned");
        HttpResponse<String> forAnother = RegistryFixtures.agency(port, "minek")
                .post(path, report("r-" + UUID.randomUUID(), "mofcom", null, 1, t0));
        assertThat(forAnother.statusCode()).isEqualTo(403);
        assertThat(json(forAnother).get("detail").asString()).contains("token speaks for agency minek");
        assertThat(mofcom.post(path, report("r-" + UUID.randomUUID(), "mofcom", null, 140, t0)).statusCode()).isEqualTo(400);
        assertThat(mofcom.post(path, report("r-" + UUID.randomUUID(), "mofcom", "DONE", 1, t0)).statusCode()).isEqualTo(400);
        assertThat(mofcom.post(path, "{not json").statusCode()).isEqualTo(400);
        assertThat(mofcom.post(path, "{\"note\":\"" + "x".repeat(70_000) + "\"}").statusCode()).isEqualTo(413);

        JsonNode stored = json(http.get("/api/commitments/" + commitmentId));
        assertThat(stored.get("status").asString()).isEqualTo("PLEDGED");
        assertThat(stored.get("version").asLong()).isEqualTo(2); // registered, assigned: nothing refused was written
    }

    @Test
    void anOlderReportIsKeptInHistoryButDoesNotMoveTheStatusBack() {
        String path = "/api/commitments/" + commitmentId + "/progress";
        mofcom.post(path, report("r-" + UUID.randomUUID(), "mofcom", "IN_PROGRESS", 10, t0));
        mofcom.post(path, report("r-" + UUID.randomUUID(), "mofcom", "STALLED", 10, t0.plusSeconds(120)));
        HttpResponse<String> older = mofcom.post(path, report("r-" + UUID.randomUUID(), "mofcom", "IN_PROGRESS", 20, t0.plusSeconds(60)));
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(json(older).get("status").asString()).isEqualTo("STALLED");
        assertThat(json(older).get("outcome").asString()).isEqualTo("progress-out-of-order");
    }

    @Test
    void concurrentReportsOnOneCommitmentAreAllApplied() throws Exception {
        int reports = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            String body = report("c-" + UUID.randomUUID(), "mofcom", null, i, t0.plusSeconds(i));
            answers.add(pool.submit(() -> mofcom.post("/api/commitments/" + commitmentId + "/progress", body)));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
        }
        pool.shutdown();
        JsonNode stored = json(http.get("/api/commitments/" + commitmentId));
        long applied = stored.get("history").valueStream().filter(h -> h.get("kind").asString().startsWith("progress")).count();
        assertThat(applied).isEqualTo(reports);
        assertThat(stored.get("version").asLong()).isEqualTo(2 + reports);
    }

    @Test
    void reportsOverKafkaAreAppliedAndRefusedOnesAreDeadLetteredWithTheReason() {
        UUID accepted = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        RegistryFixtures.publish(List.of(RegistryFixtures.progressRecord(commitmentId, codec.encode(EventEnvelope.of(accepted,
                        "/agency/mofcom", new ProgressReported(commitmentId, "mofcom", "IN_PROGRESS", 5, "started", List.of(), t0),
                        Instant.now(), null)), TestTokens.agency("mofcom")),
                RegistryFixtures.progressRecord(commitmentId, codec.encode(EventEnvelope.of(refused, "/agency/minek",
                        new ProgressReported(commitmentId, "minek", "IN_PROGRESS", 5, "not ours", List.of(), t0), Instant.now(),
                        null)), TestTokens.agency("minek"))));

        assertThat(statusChangesOf(commitmentId, 2)).extracting(CommitmentStatusChanged::to).containsExactly("PLEDGED", "IN_PROGRESS");
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil("progress.registry.dlq",
                        records -> records.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(refused.toString())),
                        Duration.ofSeconds(60), Duration.ZERO).stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(refused.toString())).toList();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8))
                .contains("not assigned");
    }
}
