package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.registry.lineage.LineageLinker;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Against the real broker and store: two meetings of one series (synthetic pledges) are registered and analysed;
 * the later one's pledges are linked to the earlier ones they carry on, shown by the lineage endpoint from both
 * ends (to an agency, only its own); a new analysis that drops a pledge drops its link, and withdrawing the later
 * communiqué removes its links.
 */
@RegistryIT
class LineageIT {
    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aLaterCommuniqueIsLinkedToTheEarlierOneAndItsWithdrawalRemovesTheLinks() {
        String run = UUID.randomUUID().toString();
        // The series' own organisation keeps other tests' commitments out of its candidates.
        List<String> series = List.of("Coastal Partnership " + run);
        String first = "doc-lineage-1-" + run;
        String second = "doc-lineage-2-" + run;
        String firstFlood = "cmt-l1-flood-" + run;
        String firstScholarships = "cmt-l1-scholarships-" + run;
        String secondFlood = "cmt-l2-flood-" + run;
        String secondLibrary = "cmt-l2-library-" + run;
        String secondScholarships = "cmt-l2-scholarships-" + run;

        register(first, List.of(
                extracted(firstFlood, first, 2021, 1, "The partners will establish a joint working group on coastal flood"
                        + " forecasting and share river gauge data.", series),
                extracted(firstScholarships, first, 2021, 2, "The partners will fund twenty scholarships for graduate"
                        + " students in marine engineering.", series)));
        registerAnalysisFirst(second, List.of(
                extracted(secondFlood, second, 2022, 1, "The partners will continue the joint working group on coastal"
                        + " flood forecasting and expand the sharing of river gauge data.", series),
                extracted(secondLibrary, second, 2022, 2, "The partners will open a digital library of agricultural"
                        + " soil surveys.", series),
                extracted(secondScholarships, second, 2022, 3, "The partners will fund twenty scholarships for graduate"
                        + " students in marine engineering.", series)));

        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(firstScholarships).get("later").size() == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(firstFlood).get("later").size() == 1);
        JsonNode renewed = lineage(secondFlood);
        assertThat(renewed.get("later")).isEmpty();
        assertThat(renewed.get("earlier")).hasSize(1);
        JsonNode earlier = renewed.get("earlier").get(0);
        assertThat(earlier.get("commitmentId").asString()).isEqualTo(firstFlood);
        assertThat(earlier.get("documentId").asString()).isEqualTo(first);
        assertThat(earlier.get("documentDate").asString()).isEqualTo("2021-05-20");
        assertThat(earlier.get("status").asString()).isEqualTo("PLEDGED");
        assertThat(earlier.get("relation").asString()).isEqualTo("renews");
        assertThat(earlier.get("similarity").asDouble()).isBetween(0.32, 1.0);

        JsonNode repeated = lineage(firstScholarships).get("later").get(0);
        assertThat(repeated.get("commitmentId").asString()).isEqualTo(secondScholarships);
        assertThat(repeated.get("documentDate").asString()).isEqualTo("2022-05-20");
        assertThat(repeated.get("relation").asString()).isEqualTo("repeats");
        assertThat(lineage(secondLibrary).get("earlier")).isEmpty();

        // An agency reads the lineage of its own commitments only, and sees only its own among the linked ones.
        String agency = "lineage-" + run;
        RegistryFixtures.addAgency(RegistryFixtures.operator(port), agency);
        RegistryFixtures.assign(RegistryFixtures.operator(port), secondFlood, agency);
        Http agencyApi = RegistryFixtures.agency(port, agency);
        HttpResponse<String> own = agencyApi.get("/api/commitments/" + secondFlood + "/lineage");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(RegistryFixtures.json(own).get("earlier")).isEmpty();
        assertThat(agencyApi.get("/api/commitments/" + firstFlood + "/lineage").statusCode()).isEqualTo(404);

        // A new analysis of the later communiqué no longer finds the repeated pledge: its link goes, the other stays.
        TopicReader.write(Topics.COMMITMENTS, second, encode(new CommuniqueAnalysed(second, "test-2",
                List.of(secondFlood, secondLibrary), Instant.now())));
        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(firstScholarships).get("later").isEmpty());
        assertThat(lineage(firstFlood).get("later")).hasSize(1);
        assertThat(lineage(secondFlood).get("earlier").get(0).get("relation").asString()).isEqualTo("renews");

        TopicReader.write(Topics.COMMUNIQUES, second, encode(new CommuniqueWithdrawn(second, "published in error",
                "publisher", Instant.now())));

        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(firstFlood).get("later").isEmpty());
        assertThat(lineage(secondFlood).get("earlier")).isEmpty();
    }

    @Test
    void theLineageOfAnUnknownCommitmentIsThe404Problem() {
        HttpResponse<String> response = Http.local(port).as(TestTokens.bearer("reader")).get("/api/commitments/nope/lineage");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(RegistryFixtures.json(response).get("title").asString()).isEqualTo("Unknown commitment");
    }

    /** A communiqué's commitments, then (once they are registered) its analysis naming them all. */
    private void register(String documentId, List<CommitmentExtracted> commitments) {
        commitments.forEach(c -> TopicReader.write(Topics.COMMITMENTS, c.commitmentId(), encode(c)));
        awaitRegistered(commitments);
        TopicReader.write(Topics.COMMITMENTS, documentId, encode(analysis(documentId, commitments)));
    }

    /**
     * A communiqué's analysis, registered first, and only then its commitments: as happens when they come on other
     * partitions than the analysis. The communiqué waits for them and is linked once the last is registered.
     */
    private void registerAnalysisFirst(String documentId, List<CommitmentExtracted> commitments) {
        TopicReader.write(Topics.COMMITMENTS, documentId, encode(analysis(documentId, commitments)));
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.getCollection(LineageLinker.WAITING)
                .countDocuments(new Document("_id", documentId)) == 1);
        commitments.forEach(c -> TopicReader.write(Topics.COMMITMENTS, c.commitmentId(), encode(c)));
        awaitRegistered(commitments);
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.getCollection(LineageLinker.WAITING)
                .countDocuments(new Document("_id", documentId)) == 0);
    }

    private void awaitRegistered(List<CommitmentExtracted> commitments) {
        await().atMost(Duration.ofSeconds(60)).until(() -> commitments.stream()
                .allMatch(c -> RegistryFixtures.operator(port).get("/api/commitments/" + c.commitmentId()).statusCode() == 200));
    }

    private static CommuniqueAnalysed analysis(String documentId, List<CommitmentExtracted> commitments) {
        return new CommuniqueAnalysed(documentId, "test", commitments.stream().map(CommitmentExtracted::commitmentId).toList(),
                Instant.now());
    }

    private JsonNode lineage(String commitmentId) {
        HttpResponse<String> response = Http.local(port).as(TestTokens.bearer("reader"))
                .get("/api/commitments/" + commitmentId + "/lineage");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RegistryFixtures.json(response);
    }

    private byte[] encode(EventData data) {
        return codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test", data, Instant.now(), null));
    }

    private static CommitmentExtracted extracted(String id, String documentId, int year, int ordinal, String text,
                                                 List<String> organisations) {
        return new CommitmentExtracted(id, documentId, "Joint statement", LocalDate.of(year, 5, 20), "bullet", 1,
                ordinal, text, List.of(), List.of(), organisations, List.of(), List.of(), "test");
    }
}
