package org.commitmenttracker.ingestion.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.commitmenttracker.ingestion.IngestionClient;
import org.commitmenttracker.ingestion.communique.Communique;
import org.commitmenttracker.ingestion.original.OriginalStore;
import org.commitmenttracker.testsupport.AccessMatrix;
import org.commitmenttracker.testsupport.AccessTableTests;
import org.commitmenttracker.testsupport.HostileInput;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who may do what on the ingestion API, against docs/security.md and the running service. */
@UsesTestStack(database = "ingestion-security-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.security.rate-limit.writes-per-second=5")
class IngestionSecurityIT extends AccessTableTests {
    private final JsonMapper json = JsonMapper.builder().build();

    IngestionSecurityIT() {
        super("ingestion");
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void onlyProbesAndMetricsAnswerWithoutATokenOnTheManagementPort() {
        AccessMatrix.assertOnlyProbesAndMetricsArePublic(managementPort);
        // The API port serves no actuator endpoint at all.
        assertThat(Http.local(port).as(TestTokens.bearer("operator")).get("/actuator/health").statusCode()).isIn(403, 404);
    }

    /**
     * Broken object-level authorization: a publisher withdraws only its own uploads. Another publisher's existing id
     * answers 404 exactly as an unknown id does (it must not tell that the id exists), and nothing changes; uploading
     * the same text again does not make the second publisher an owner. An operator may withdraw any communiqué.
     */
    @Test
    void aPublisherWithdrawsItsOwnUploadsOnlyAndAnotherPublishersIdLooksUnknown() {
        IngestionClient publisherA = new IngestionClient(port, TestTokens.bearer("pub-a", List.of("publisher"), null));
        IngestionClient publisherB = new IngestionClient(port, TestTokens.bearer("pub-b", List.of("publisher"), null));
        String text = "联合公报 " + UUID.randomUUID() + "\n——加强合作。\n";
        String id = IngestionClient.idOf(publisherA.postText(text));
        assertThat(publisherB.postText(text).statusCode()).as("the same text again: the stored one").isEqualTo(200);

        HttpResponse<String> intruder = publisherB.delete("/api/communiques/" + id + "?reason=not%20mine");
        HttpResponse<String> unknown = publisherB.delete("/api/communiques/doc-ffffffffffffffffffffffff");
        assertThat(intruder.statusCode()).isEqualTo(404);
        assertThat(intruder.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(intruder.body()).get("title")).isEqualTo(json.readTree(unknown.body()).get("title"));
        assertThat(intruder.body()).doesNotContain("pub-a");
        JsonNode untouched = json.readTree(publisherA.get("/api/communiques/" + id).body());
        assertThat(untouched.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(untouched.get("withdrawal").isNull()).isTrue();

        HttpResponse<String> own = publisherA.delete("/api/communiques/" + id + "?reason=mine");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json.readTree(own.body()).at("/withdrawal/actor").asString()).isEqualTo("pub-a");
        assertThat(publisherB.delete("/api/communiques/" + id).statusCode()).as("withdrawn, still not B's").isEqualTo(404);

        String other = IngestionClient.idOf(publisherB.postText("联合公报 " + UUID.randomUUID() + "\n——加强合作。\n"));
        HttpResponse<String> byOperator = new IngestionClient(port, TestTokens.bearer("operator-1", List.of("operator"), null))
                .delete("/api/communiques/" + other + "?reason=retracted");
        assertThat(byOperator.statusCode()).isEqualTo(200);
        assertThat(json.readTree(byOperator.body()).get("status").asString()).isEqualTo("WITHDRAWN");
    }

    /** Mass assignment: fields the API does not take (ids, status, timestamps, outbox) are refused while parsing. */
    @Test
    void aRequestCannotSetServerOwnedFields() throws Exception {
        long communiques = mongo.getCollection(Communique.COLLECTION).countDocuments();
        String text = "联合公报 " + UUID.randomUUID() + "\n——加强合作。\n";
        int client = 0;
        for (Map.Entry<String, Object> owned : Map.<String, Object>of("id", "doc-chosen-by-the-caller", "status", "WITHDRAWN",
                "receivedAt", "2000-01-01T00:00:00Z", "contentHash", "0000", "withdrawal", Map.of("actor", "someone"),
                "outbox", List.of(Map.of("topic", "communiques", "payload", "{}"))).entrySet()) {
            String body = json.writeValueAsString(Map.of("text", text, owned.getKey(), owned.getValue()));
            // One client per field: the probe must meet the parser, not the rate limiter.
            HttpResponse<String> refused = new IngestionClient(port, TestTokens.bearer("owned-" + client++, List.of("publisher"), null))
                    .post("application/json", body.getBytes(StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).as(owned.getKey()).isEqualTo(400);
            assertThat(refused.body()).as(owned.getKey()).contains("not a valid submission");
        }
        assertThat(mongo.getCollection(Communique.COLLECTION).countDocuments()).isEqualTo(communiques);
    }

    @Test
    void writesBeyondTheClientsRateAreRefusedWith429AndRetryAfterWhileOtherClientsGoOn() {
        AccessMatrix.assertWritesLimitedPerClient(port, "publisher", "DELETE", "/api/communiques/doc-ffffffffffffffffffffffff", 404,
                "/api/communiques");
    }

    /** Fuzz: every hostile variant of a JSON submission and of a file upload is refused with a problem; nothing is stored. */
    @Test
    void hostileBodiesAreRefusedWithAProblemAndStoreNothing() {
        long communiques = mongo.getCollection(Communique.COLLECTION).countDocuments();
        long originals = mongo.getCollection(OriginalStore.COLLECTION).countDocuments();
        Map<String, byte[]> variants = new LinkedHashMap<>(HostileInput.variantsOf(json.writeValueAsString(Map.of(
                "text", "联合公报\n——加强合作。", "title", "Joint communiqué", "language", "zh",
                "sourceUrl", "https://example.org/c", "publishedOn", "2022-11-30"))));
        SoftAssertions softly = new SoftAssertions();
        int client = 0;
        for (Map.Entry<String, byte[]> variant : variants.entrySet()) {
            // One client per variant: the fuzz must meet the parser, not the rate limiter.
            IngestionClient api = new IngestionClient(port, TestTokens.bearer("fuzz-" + client++, List.of("publisher"), null));
            HttpResponse<String> answer = api.post("application/json", variant.getValue());
            softly.assertThat(answer.statusCode()).as("%s: %s", variant.getKey(), answer.body()).isBetween(400, 499);
            softly.assertThat(answer.headers().firstValue("Content-Type")).as(variant.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        for (Map.Entry<String, String> multipart : Map.of(
                "multipart without boundary", "multipart/form-data",
                "multipart with a foreign boundary", "multipart/form-data; boundary=nothing-like-the-body").entrySet()) {
            HttpResponse<String> answer = new IngestionClient(port, TestTokens.bearer("fuzz-" + client++, List.of("publisher"), null))
                    .post(multipart.getValue(), "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n\u0000".getBytes(StandardCharsets.UTF_8));
            softly.assertThat(answer.statusCode()).as("%s: %s", multipart.getKey(), answer.body()).isBetween(400, 499);
        }
        softly.assertAll();
        assertThat(mongo.getCollection(Communique.COLLECTION).countDocuments()).isEqualTo(communiques);
        assertThat(mongo.getCollection(OriginalStore.COLLECTION).countDocuments()).isEqualTo(originals);
    }

    @Test
    void errorsCarryNoStackTraceNorInternals() {
        Http publisher = Http.local(port).as(IngestionClient.PUBLISHER);
        List<HttpResponse<String>> errors = List.of(
                publisher.send("POST", "/api/communiques", "application/json", "{\"text\": [1, {\"deep\": ", Map.of()),
                publisher.send("POST", "/api/communiques", "application/json", "{\"text\":\"x\",\"publishedOn\":\"not a date\"}", Map.of()),
                publisher.send("POST", "/api/communiques", "application/x-unknown", "???", Map.of()),
                publisher.get("/api/communiques?limit=-5&cursor=%00%ff"),
                Http.local(port).as("Bearer not.a.jwt").get("/api/communiques"),
                Http.local(port).as(TestTokens.forged("publisher")).get("/api/communiques"));
        for (HttpResponse<String> error : errors) {
            assertThat(error.statusCode()).as(error.body()).isBetween(400, 499);
            assertThat(error.body()).as("status %d", error.statusCode())
                    .doesNotContain("Exception", "\tat ", "at org.", "at java.", "tools.jackson", "springframework", "127.0.0.1",
                            "localhost", "mongodb://", "kid");
        }
    }
}
