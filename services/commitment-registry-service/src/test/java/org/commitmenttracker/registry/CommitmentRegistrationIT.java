package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.events.TimeExpression;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.DeadLetters;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Against the real broker and store: extracted commitments are registered once and announced once. */
@RegistryIT
class CommitmentRegistrationIT {
    private final EventCodec codec = new EventCodec();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void registersACommitmentOnceAsPledgedAndAnnouncesItOnce() throws Exception {
        String commitmentId = "cmt-it-" + UUID.randomUUID();
        CommitmentExtracted extracted = new CommitmentExtracted(commitmentId, "doc-it", "公报", LocalDate.of(2022, 12, 5),
                "bullet", 7, 1, "双方将于2023年举行会晤。", List.of("CN", "RU"), List.of(), List.of(), List.of("regional"),
                List.of(new TimeExpression("2023年", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), false)), "1");
        byte[] event = codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test", extracted, Instant.now(), null));
        TopicReader.write(Topics.COMMITMENTS, commitmentId, event);
        TopicReader.write(Topics.COMMITMENTS, commitmentId, event); // redelivered

        List<EventEnvelope<CommitmentStatusChanged>> changes = statusChangesOf(commitmentId);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).data().from()).isNull();
        assertThat(changes.get(0).data().to()).isEqualTo("PLEDGED");
        assertThat(changes.get(0).data().dueDate()).isEqualTo(LocalDate.of(2023, 12, 31));

        HttpResponse<String> stored = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/commitments/" + commitmentId))
                .header("Authorization", RegistryFixtures.OPERATOR).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains("\"status\":\"PLEDGED\"", "\"version\":1", "\"kind\":\"registered\"");
    }

    /**
     * Authorisation before deduplication: the id of the event that registered a commitment is no key to its history.
     * An agency not assigned to it that reports under that event id gets the unknown id's 404, and nothing changes.
     */
    @Test
    void anUnassignedAgencyReplayingTheRegistrationEventIdLearnsNothing() {
        org.commitmenttracker.testsupport.Http operator = RegistryFixtures.operator(port);
        String commitmentId = "cmt-it-" + UUID.randomUUID();
        UUID registration = UUID.randomUUID();
        TopicReader.write(Topics.COMMITMENTS, commitmentId, codec.encode(EventEnvelope.of(registration, "/test",
                extracted(commitmentId, "doc-replay", "双方将深化合作。", "1"), Instant.now(), null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/api/commitments/" + commitmentId).statusCode() == 200);
        RegistryFixtures.addAgency(operator, "replay-owner");
        RegistryFixtures.addAgency(operator, "replay-other");
        RegistryFixtures.assign(operator, commitmentId, "replay-owner");
        String before = get(commitmentId);
        assertThat(before).contains(registration.toString(), "\"kind\":\"registered\"");

        HttpResponse<String> replayed = RegistryFixtures.agency(port, "replay-other").post("/api/commitments/" + commitmentId
                + "/progress", RegistryFixtures.report(registration.toString(), "replay-other", "IN_PROGRESS", 10, Instant.now()));
        HttpResponse<String> unknown = RegistryFixtures.agency(port, "replay-other").post("/api/commitments/cmt-it-" + UUID.randomUUID()
                + "/progress", RegistryFixtures.report(registration.toString(), "replay-other", "IN_PROGRESS", 10, Instant.now()));
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(404);
        assertThat(RegistryFixtures.json(replayed).get("title")).isEqualTo(RegistryFixtures.json(unknown).get("title"));
        assertThat(replayed.body()).doesNotContain("registered", "PLEDGED", "replay-owner");
        assertThat(get(commitmentId)).isEqualTo(before);
    }

    @Test
    void anUnknownCommitmentIsA404Problem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/commitments/nope"))
                .header("Authorization", org.commitmenttracker.testsupport.TestTokens.bearer("reader")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aReExtractionRefreshesFactsAndWithdrawsWhatItNoLongerFinds() {
        String documentId = "doc-re-" + UUID.randomUUID();
        String kept = "cmt-kept-" + UUID.randomUUID();
        String dropped = "cmt-dropped-" + UUID.randomUUID();
        publish(extracted(kept, documentId, "双方将加强合作。", "1"));
        publish(extracted(dropped, documentId, "双方支持。", "1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(dropped).equals("PLEDGED") && status(kept).equals("PLEDGED"));

        publish(extracted(kept, documentId, "双方将进一步加强合作。", "2"));
        TopicReader.write(Topics.COMMITMENTS, documentId, codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test",
                new CommuniqueAnalysed(documentId, "2", List.of(kept), Instant.now()), Instant.now(), null)));

        await().atMost(Duration.ofSeconds(30)).until(() -> status(dropped).equals("WITHDRAWN"));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(kept).contains("双方将进一步加强合作。"));
        assertThat(status(kept)).isEqualTo("PLEDGED");
        assertThat(get(kept)).contains("\"kind\":\"re-extracted\"");
        assertThat(get(dropped)).contains("no longer found by engine 2", "\"kind\":\"registered\"");
    }

    /**
     * An older analysis applied after a newer one (its record came late) withdraws nothing the newer one found. A
     * commitment keyed by the document follows it on its partition: once that is registered, the late one was applied.
     */
    @Test
    void anOlderAnalysisAppliedLateWithdrawsNothingANewerOneFound() {
        String documentId = "doc-late-" + UUID.randomUUID();
        String kept = "cmt-late-kept-" + UUID.randomUUID();
        String added = "cmt-late-added-" + UUID.randomUUID();
        Instant older = Instant.now().minusSeconds(60);
        publish(extracted(kept, documentId, "双方将加强合作。", "2"));
        publish(extracted(added, documentId, "双方将举办论坛。", "2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(kept).equals("PLEDGED") && status(added).equals("PLEDGED"));
        writeAnalysis(new CommuniqueAnalysed(documentId, "2", List.of(kept, added), older.plusSeconds(30)));

        writeAnalysis(new CommuniqueAnalysed(documentId, "1", List.of(kept), older));
        String marker = "cmt-late-marker-" + UUID.randomUUID();
        TopicReader.write(Topics.COMMITMENTS, documentId, codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test",
                extracted(marker, documentId, "双方将交流经验。", "2"), Instant.now(), null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(marker).equals("PLEDGED"));

        assertThat(status(added)).isEqualTo("PLEDGED");
        assertThat(get(added)).doesNotContain("no longer found");
    }

    private void writeAnalysis(CommuniqueAnalysed analysis) {
        TopicReader.write(Topics.COMMITMENTS, analysis.documentId(), codec.encode(EventEnvelope.of(UUID.randomUUID(),
                "/test", analysis, Instant.now(), null)));
    }

    @Test
    void aRegistrationAndItsReExtractionBackToBackAreBothApplied() {
        String documentId = "doc-b2b-" + UUID.randomUUID();
        String id = "cmt-b2b-" + UUID.randomUUID();
        // Back to back, most often in one poll: the batch registers it and applies the re-extraction on top.
        publish(extracted(id, documentId, "双方将举办论坛。", "1"));
        publish(extracted(id, documentId, "双方将于2023年举办论坛。", "2"));

        await().atMost(Duration.ofSeconds(30)).until(() -> get(id).contains("双方将于2023年举办论坛。"));
        String stored = get(id);
        assertThat(stored).contains("\"status\":\"PLEDGED\"", "\"version\":2", "\"kind\":\"registered\"",
                "\"kind\":\"re-extracted\"");
        List<EventEnvelope<CommitmentStatusChanged>> changes = statusChangesOf(id);
        assertThat(changes).hasSize(1);
    }

    @Test
    void assignmentRulesAssignAgenciesToNewCommitmentsBySectionAndTopic() {
        org.commitmenttracker.testsupport.Http http = RegistryFixtures.operator(port);
        RegistryFixtures.addAgency(http, "customs");
        assertThat(http.put("/api/assignment-rules/customs-part-2", "{\"section\":2,\"agencies\":[\"customs\"]}").statusCode())
                .isEqualTo(200);
        assertThat(http.put("/api/assignment-rules/bad", "{\"agencies\":[\"customs\"]}").statusCode()).isEqualTo(400);
        String id = "cmt-ruled-" + UUID.randomUUID();
        publish(extracted(id, "doc-ruled", "双方将加强海关合作。", "1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("PLEDGED"));
        assertThat(get(id)).contains("\"agencies\":[\"customs\"]", "\"actor\":\"assignment-rules\"", "\"version\":1");
        assertThat(http.send("DELETE", "/api/assignment-rules/customs-part-2", "application/json", "", java.util.Map.of())
                .statusCode()).isEqualTo(204);
    }

    private static CommitmentExtracted extracted(String id, String documentId, String text, String engine) {
        return new CommitmentExtracted(id, documentId, "公报", LocalDate.of(2022, 12, 5), "bullet", 2, 1, text,
                List.of("CN", "RU"), List.of(), List.of(), List.of(), List.of(), engine);
    }

    /**
     * Fuzz of the registry's intake: every hostile variant of a commitment event and of a withdrawal that the
     * codec refuses is dead-lettered with its reason, and the commitment stays as it was.
     */
    @Test
    void everyHostileIntakeEventIsDeadLetteredWithItsReasonAndChangesNothing() {
        CommitmentExtracted original = extracted("cmt-hostile-" + UUID.randomUUID(), "doc-hostile", "双方将加强合作。", "1");
        publish(original);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(original.commitmentId()).equals("PLEDGED"));
        String before = get(original.commitmentId());

        Map<String, String> commitments = DeadLetters.sendRefusedVariants(Topics.COMMITMENTS,
                new String(codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test", original, Instant.now(), null)),
                        StandardCharsets.UTF_8), codec::decode, InvalidEventException.class);
        Map<String, String> withdrawals = DeadLetters.sendRefusedVariants(Topics.COMMUNIQUES,
                new String(codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test", new CommuniqueWithdrawn("doc-hostile",
                        "fuzz", "publisher", Instant.now()), Instant.now(), null)), StandardCharsets.UTF_8),
                codec::decode, InvalidEventException.class);
        assertThat(commitments).hasSizeGreaterThan(40);
        assertThat(withdrawals).hasSizeGreaterThan(20);

        DeadLetters.assertDeadLettered("commitments.registry.dlq", commitments, Duration.ofSeconds(180));
        DeadLetters.assertDeadLettered("communiques.registry.dlq", withdrawals, Duration.ofSeconds(180));
        assertThat(get(original.commitmentId())).isEqualTo(before);
    }

    /** The status changes announced for commitment {@code id}: once there is one, and 3 s more for any other. */
    private List<EventEnvelope<CommitmentStatusChanged>> statusChangesOf(String id) {
        return TopicReader.readUntil(Topics.STATUS_CHANGES, records -> records.stream().anyMatch(r -> id.equals(r.key())),
                        Duration.ofSeconds(60), Duration.ofSeconds(3))
                .stream().filter(r -> id.equals(r.key()))
                .map(r -> codec.decode(r.value(), CommitmentStatusChanged.class)).toList();
    }

    private void publish(CommitmentExtracted event) {
        TopicReader.write(Topics.COMMITMENTS, event.commitmentId(),
                codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test", event, Instant.now(), null)));
    }

    private String get(String id) {
        return RegistryFixtures.operator(port).get("/api/commitments/" + id).body();
    }

    private String status(String id) {
        String body = get(id);
        int at = body.indexOf("\"status\":\"");
        return at < 0 ? "" : body.substring(at + 10, body.indexOf('"', at + 10));
    }
}
