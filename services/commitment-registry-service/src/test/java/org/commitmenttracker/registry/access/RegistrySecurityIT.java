package org.commitmenttracker.registry.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.events.ProgressReported;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.registry.RegistryFixtures;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.testsupport.AccessMatrix;
import org.commitmenttracker.testsupport.AccessTableTests;
import org.commitmenttracker.testsupport.DeadLetters;
import org.commitmenttracker.testsupport.HostileInput;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what on the registry, against docs/security.md and the running service: the access table, agency
 * scoping (one agency cannot read or change another's commitments), server-owned fields, the write rate limit,
 * answers without internals, and hostile bodies and events refused without a change.
 * <p>Its own context (a low rate limit) with its own progress consumer group and dead-letter topic, and without
 * the commitment and communiqué consumers, so it never takes records meant for the other registry tests; closed
 * after the class.
 */
@UsesTestStack(database = "registry-security-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.security.rate-limit.writes-per-second=5",
        "tracker.deadlines.initial-delay=1h",
        "spring.cloud.stream.bindings.registerCommitments-in-0.consumer.auto-startup=false",
        "spring.cloud.stream.bindings.withdrawCommuniques-in-0.consumer.auto-startup=false",
        "spring.cloud.stream.bindings.applyProgress-in-0.group=registry-security-it",
        "spring.cloud.stream.kafka.bindings.applyProgress-in-0.consumer.dlq-name=" + RegistrySecurityIT.DEAD_LETTERS})
@DirtiesContext
class RegistrySecurityIT extends AccessTableTests {
    static final String DEAD_LETTERS = "progress.registry-security-it.dlq";
    private static final String A = "agency-a";
    private static final String B = "agency-b";
    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final java.net.http.HttpClient RAW = java.net.http.HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();
    private final Instant t0 = Instant.now().minusSeconds(3600);

    RegistrySecurityIT() {
        super("registry");
    }

    @Autowired
    MongoTemplate mongo;

    private String documentId;
    private String ofA;
    private String ofB;
    private String ofBoth;

    /** An operator under a subject of its own: each gets its own write budget under the low rate limit. */
    private Http operator() {
        return Http.local(port).as(operatorToken());
    }

    private static String operatorToken() {
        return TestTokens.bearer("security-operator-" + SUBJECTS.incrementAndGet(), List.of("operator"), null);
    }

    private Http agency(String id) {
        return Http.local(port).as(agencyToken(id));
    }

    private static String agencyToken(String id) {
        return TestTokens.bearer("security-agency-" + SUBJECTS.incrementAndGet(), List.of("agency"), id);
    }

    /** A request with exactly these bytes as its body (Http sends strings, re-encoded as UTF-8). */
    private HttpResponse<String> sendBytes(String authorization, String method, String path, byte[] body) {
        try {
            return RAW.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void commitmentsOfTwoAgencies() {
        RegistryFixtures.addAgency(operator(), A);
        RegistryFixtures.addAgency(operator(), B);
        documentId = "doc-security-" + UUID.randomUUID();
        ofA = RegistryFixtures.addCommitment(operator(), documentId, null);
        ofB = RegistryFixtures.addCommitment(operator(), documentId, null);
        ofBoth = RegistryFixtures.addCommitment(operator(), documentId, null);
        RegistryFixtures.assign(operator(), ofA, A);
        RegistryFixtures.assign(operator(), ofB, B);
        RegistryFixtures.assign(operator(), ofBoth, A, B);
    }

    @Test
    void onlyProbesAndMetricsAnswerWithoutATokenOnTheManagementPort() {
        AccessMatrix.assertOnlyProbesAndMetricsArePublic(managementPort);
        assertThat(Http.local(port).as(TestTokens.bearer("operator")).get("/actuator/health").statusCode()).isIn(403, 404);
    }

    /** Broken object-level authorization: agency A guesses B's ids, filters on B, reports for B. */
    @Test
    void anAgencySeesAndReportsOnlyOnItsOwnCommitments() {
        Http a = agency(A);
        String beforeB = operator().get("/api/commitments/" + ofB).body();

        HttpResponse<String> guessed = a.get("/api/commitments/" + ofB);
        assertThat(guessed.statusCode()).isEqualTo(404);
        assertThat(guessed.body()).doesNotContain(B);
        assertThat(a.get("/api/commitments/" + ofA).statusCode()).isEqualTo(200);
        assertThat(a.get("/api/commitments/" + ofBoth).statusCode()).isEqualTo(200);

        assertThat(ids(a.get("/api/commitments?documentId=" + documentId))).containsExactlyInAnyOrder(ofA, ofBoth);
        assertThat(json.readTree(a.get("/api/commitments?documentId=" + documentId).body()).get("total").asLong()).isEqualTo(2);
        assertThat(ids(a.get("/api/commitments?documentId=" + documentId + "&agency=" + B))).containsExactly(ofBoth);
        assertThat(ids(a.get("/api/commitments?agency=" + B + "&size=500"))).doesNotContain(ofB);
        assertThat(ids(a.get("/api/commitments?documentId=" + documentId + "&sort=updated&page=0&total=true")))
                .doesNotContain(ofB);
        JsonNode summary = json.readTree(a.get("/api/commitments/summary?documentId=" + documentId).body());
        assertThat(summary.get("overall").get("total").asLong()).isEqualTo(2);
        assertThat(summary.get("byAgency").get(B).get("total").asLong()).isEqualTo(1); // the one shared with A
        String csv = a.get("/api/commitments/export.csv?documentId=" + documentId).body();
        assertThat(csv).contains(ofA, ofBoth).doesNotContain(ofB);
        // Readers and operators see every commitment.
        assertThat(ids(Http.local(port).as(TestTokens.bearer("reader")).get("/api/commitments?documentId=" + documentId)))
                .containsExactlyInAnyOrder(ofA, ofB, ofBoth);

        // Reporting on B's commitment: for itself (not assigned), or in B's name (not its token's agency).
        HttpResponse<String> asItself = a.post("/api/commitments/" + ofB + "/progress", report(A, "IN_PROGRESS"));
        assertThat(asItself.statusCode()).isEqualTo(404);
        assertThat(asItself.body()).doesNotContain(B, "assigned");
        HttpResponse<String> inBsName = a.post("/api/commitments/" + ofB + "/progress", report(B, "IN_PROGRESS"));
        assertThat(inBsName.statusCode()).isEqualTo(403);
        assertThat(inBsName.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(inBsName.body()).contains("token speaks for agency " + A);
        // Changing it by the operators' endpoints: refused by role.
        assertThat(a.patch("/api/commitments/" + ofB, "{\"section\":3,\"reason\":\"mine now\"}").statusCode()).isEqualTo(403);
        assertThat(a.put("/api/commitments/" + ofB + "/agencies", "[\"" + A + "\"]").statusCode()).isEqualTo(403);
        assertThat(a.post("/api/commitments/" + ofB + "/status", "{\"status\":\"CANCELLED\",\"reason\":\"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(a.post("/api/commitments/" + ofB + "/reject", "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(a.get("/api/agencies").statusCode()).isEqualTo(403);
        assertThat(operator().get("/api/commitments/" + ofB).body()).isEqualTo(beforeB);

        // An agency token without an agency id speaks for nobody.
        Http nobody = Http.local(port).as(TestTokens.bearer("agency-without-id", List.of("agency"), null));
        assertThat(nobody.get("/api/commitments").statusCode()).isEqualTo(403);
        assertThat(nobody.get("/api/commitments/" + ofA).statusCode()).isEqualTo(403);
        // Its own report goes through.
        assertThat(a.post("/api/commitments/" + ofA + "/progress", report(A, "IN_PROGRESS")).statusCode()).isEqualTo(200);
    }

    /**
     * Authorisation before deduplication: an agency replaying an event id another agency used learns nothing of that
     * report. On a commitment it is not assigned to the answer is the unknown id's 404; on one it shares, the replay
     * is its own new report, not the other agency's entry.
     */
    @Test
    void replayingAnotherAgencysEventIdAnswersNothingOfTheirs() {
        String secret = "note of " + B + " " + UUID.randomUUID();
        String eventOfB = "e-" + UUID.randomUUID();
        String eventOfBOnShared = "e-" + UUID.randomUUID();
        assertThat(agency(B).post("/api/commitments/" + ofB + "/progress", report(eventOfB, B, "IN_PROGRESS", secret))
                .statusCode()).isEqualTo(200);
        assertThat(agency(B).post("/api/commitments/" + ofBoth + "/progress", report(eventOfBOnShared, B, "IN_PROGRESS", secret))
                .statusCode()).isEqualTo(200);
        String beforeB = operator().get("/api/commitments/" + ofB).body();
        Http a = agency(A);

        HttpResponse<String> replayed = a.post("/api/commitments/" + ofB + "/progress", report(eventOfB, A, "IN_PROGRESS", "mine"));
        HttpResponse<String> unknown = a.post("/api/commitments/cmt-" + UUID.randomUUID() + "/progress",
                report(eventOfB, A, "IN_PROGRESS", "mine"));
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(404);
        assertThat(json.readTree(replayed.body()).get("title")).isEqualTo(json.readTree(unknown.body()).get("title"));
        assertThat(replayed.body()).doesNotContain(secret, B, "assigned");
        assertThat(operator().get("/api/commitments/" + ofB).body()).isEqualTo(beforeB);

        HttpResponse<String> onShared = a.post("/api/commitments/" + ofBoth + "/progress",
                report(eventOfBOnShared, A, "IN_PROGRESS", "mine"));
        assertThat(onShared.statusCode()).as(onShared.body()).isEqualTo(200);
        assertThat(onShared.body()).doesNotContain(secret);
        JsonNode history = json.readTree(operator().get("/api/commitments/" + ofBoth).body()).get("history");
        assertThat(history.valueStream().filter(h -> eventOfBOnShared.equals(h.get("eventId").asString()))
                .map(h -> h.get("actor").asString())).containsExactlyInAnyOrder("agency:" + B, "agency:" + A);
    }

    /** Mass assignment: a body naming a server-owned field is refused while it is parsed (400) and changes nothing. */
    @Test
    void requestBodiesCannotSetServerOwnedFields() {
        String owned = "\"id\":\"cmt-chosen\",\"version\":99,\"complianceScore\":1,"
                + "\"completedLate\":true,\"percentComplete\":100,\"evidenceUrls\":[\"https://evil.example\"],"
                + "\"correctedFields\":[],\"history\":[],\"statusHistory\":[],\"createdAt\":\"2000-01-01T00:00:00Z\","
                + "\"updatedAt\":\"2000-01-01T00:00:00Z\",\"lastReportAt\":\"2000-01-01T00:00:00Z\","
                + "\"outbox\":[{\"topic\":\"commitment-status\",\"payload\":\"{}\"}],\"facts\":{\"documentId\":\"doc-other\"}";
        long commitments = mongo.getCollection(CommitmentStore.COLLECTION).countDocuments();
        assertRefusedWhileParsing(operator().post("/api/commitments", "{\"documentId\":\"" + documentId
                + "\",\"section\":2,\"text\":\"双方将加强合作。\",\"reason\":\"mass assignment\"," + owned + "}"));
        assertThat(mongo.getCollection(CommitmentStore.COLLECTION).countDocuments()).isEqualTo(commitments);

        assertRefusedWhileParsing(operator().patch("/api/commitments/" + ofA, "{\"section\":3,\"reason\":\"mass\"," + owned + "}"));
        JsonNode after = json.readTree(operator().get("/api/commitments/" + ofA).body());
        assertServerOwned(after, 2); // registered, assigned
        assertThat(after.get("agencies").valueStream().map(JsonNode::asString)).containsExactly(A);

        assertRefusedWhileParsing(operator().post("/api/commitments/" + ofB + "/reject", "{\"reason\":\"mass\"," + owned + "}"));
        assertServerOwned(json.readTree(operator().get("/api/commitments/" + ofB).body()), 2);

        assertRefusedWhileParsing(operator().put("/api/agencies/agency-c",
                "{\"name\":\"Agency C\",\"country\":\"CN\",\"_id\":\"agency-chosen\"}"));
        assertThat(operator().get("/api/agencies/agency-chosen").statusCode()).isEqualTo(404);
        assertThat(operator().get("/api/agencies/agency-c").statusCode()).isEqualTo(404);
    }

    private static void assertRefusedWhileParsing(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    private static void assertServerOwned(JsonNode commitment, long version) {
        assertThat(commitment.get("version").asLong()).isEqualTo(version);
        assertThat(commitment.get("status").asString()).isEqualTo("PLEDGED");
        assertThat(commitment.get("complianceScore").isNull() || commitment.get("complianceScore").asInt() != 1).isTrue();
        assertThat(commitment.get("completedLate").asBoolean()).isFalse();
        assertThat(commitment.get("percentComplete").isNull()).isTrue();
        assertThat(commitment.get("evidenceUrls")).isEmpty();
        assertThat(commitment.get("supersededBy").isNull()).isTrue();
        assertThat(commitment.get("updatedAt").asString()).doesNotStartWith("2000");
        assertThat(commitment.get("history").valueStream().map(h -> h.get("at").asString())).noneMatch(at -> at.startsWith("2000"));
        assertThat(commitment.toString()).doesNotContain("outbox", "evil.example");
    }

    @Test
    void writesBeyondTheClientsRateAreRefusedWith429AndRetryAfterWhileOtherClientsGoOn() {
        AccessMatrix.assertWritesLimitedPerClient(port, "operator", "DELETE", "/api/assignment-rules/none", 204,
                "/api/assignment-rules");
    }

    @Test
    void errorsCarryNoStackTraceNorInternals() {
        Http operator = operator();
        Http a = agency(A);
        List<HttpResponse<String>> errors = List.of(
                operator.patch("/api/commitments/" + ofA, "{\"section\": [1, {\"deep\": "),
                operator.patch("/api/commitments/" + ofA, "{\"section\":\"seven\",\"reason\":\"x\"}"),
                operator.patch("/api/commitments/" + ofA, "{\"dueDate\":\"not a date\",\"reason\":\"x\"}"),
                operator.post("/api/commitments/" + ofA + "/status", "{\"status\":\"DONE\",\"reason\":\"x\"}"),
                operator.post("/api/commitments/" + ofA + "/status", "{\"status\":\"COMPLETED\",\"reason\":\"x\"}"),
                operator.put("/api/agencies/NOT%20VALID", "{\"name\":\"x\",\"country\":\"CN\"}"),
                operator.put("/api/agencies/agency-x", "{\"name\":\"x\",\"country\":\"China\"}"),
                operator.send("PATCH", "/api/commitments/" + ofA, "application/x-unknown", "???", Map.of()),
                operator.get("/api/commitments?size=-5&page=x"),
                operator.get("/api/commitments?status=DONE&dueBefore=tomorrow"),
                operator.get("/api/commitments/%00%ff"),
                operator.get("/api/commitments/nope"),
                a.post("/api/commitments/" + ofA + "/progress", "{\"eventId\": 5, \"occurredAt\": \"yesterday\"}"),
                a.post("/api/commitments/" + ofA + "/progress", "{\"eventId\":\"e\",\"agencyId\":\"" + A + "\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}"),
                a.post("/api/commitments/" + ofB + "/progress", report(B, null)),
                Http.local(port).as("Bearer not.a.jwt").get("/api/commitments"),
                Http.local(port).as(TestTokens.forged("operator")).get("/api/commitments"),
                Http.local(port).get("/api/commitments"));
        SoftAssertions softly = new SoftAssertions();
        for (HttpResponse<String> error : errors) {
            softly.assertThat(error.statusCode()).as("%s %s", error.request().uri(), error.body()).isBetween(400, 499);
            softly.assertThat(error.body()).as("%s: status %d", error.request().uri(), error.statusCode())
                    .doesNotContain("Exception", "\tat ", "at org.", "at java.", "tools.jackson", "springframework", "127.0.0.1",
                            "localhost", "mongodb://", "kid", "org.commitmenttracker");
        }
        softly.assertAll();
    }

    /** Fuzz: every hostile variant of every JSON body is refused with a problem and changes no stored document. */
    @Test
    void hostileBodiesAreRefusedWithAProblemAndChangeNothing() {
        Map<String, Map<String, byte[]>> cases = new LinkedHashMap<>();
        cases.put("progress", HostileInput.variantsOf(report(A, "IN_PROGRESS")));
        cases.put("correction", HostileInput.variantsOf("{\"text\":\"双方将继续加强合作。\",\"section\":3,\"dueDate\":\"2030-06-30\","
                + "\"parties\":[\"CN\",\"RU\"],\"topics\":[\"trade\"],\"reason\":\"fuzz\"}"));
        cases.put("status", HostileInput.variantsOf("{\"status\":\"CANCELLED\",\"reason\":\"fuzz\",\"supersededBy\":\"cmt-newer\"}"));
        cases.put("reject", HostileInput.variantsOf("{\"reason\":\"fuzz\"}"));
        cases.put("add", HostileInput.variantsOf("{\"documentId\":\"" + documentId + "\",\"section\":2,\"text\":\"双方将加强合作。\","
                + "\"parties\":[\"CN\"],\"topics\":[\"trade\"],\"dueDate\":\"2030-01-01\",\"reason\":\"fuzz\"}"));
        cases.put("assignment", arrayVariants());
        cases.put("agency", HostileInput.variantsOf("{\"name\":\"Agency A renamed\",\"country\":\"RU\",\"contact\":\"fuzz@example.org\"}"));
        cases.put("rule", HostileInput.variantsOf("{\"section\":2,\"topic\":\"trade\",\"agencies\":[\"" + A + "\"]}"));
        Map<String, String> paths = Map.of("progress", "POST /api/commitments/" + ofA + "/progress",
                "correction", "PATCH /api/commitments/" + ofA, "status", "POST /api/commitments/" + ofA + "/status",
                "reject", "POST /api/commitments/" + ofA + "/reject", "add", "POST /api/commitments",
                "assignment", "PUT /api/commitments/" + ofA + "/agencies", "agency", "PUT /api/agencies/" + A,
                "rule", "PUT /api/assignment-rules/rule-fuzz");

        String commitmentBefore = operator().get("/api/commitments/" + ofA).body();
        String agencyBefore = operator().get("/api/agencies/" + A).body();
        String rulesBefore = operator().get("/api/assignment-rules").body();
        long storedBefore = mongo.getCollection(CommitmentStore.COLLECTION).countDocuments();
        SoftAssertions softly = new SoftAssertions();
        cases.forEach((endpoint, variants) -> {
            String[] call = paths.get(endpoint).split(" ", 2);
            variants.forEach((name, body) -> {
                // One client per variant: the fuzz must meet the parser, not the rate limiter.
                String token = endpoint.equals("progress") ? agencyToken(A) : operatorToken();
                HttpResponse<String> answer = sendBytes(token, call[0], call[1], body);
                softly.assertThat(answer.statusCode()).as("%s, %s: %s", endpoint, name, abbreviate(answer.body())).isBetween(400, 499);
                softly.assertThat(answer.headers().firstValue("Content-Type")).as("%s, %s", endpoint, name)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            });
        });
        softly.assertAll();
        assertThat(operator().get("/api/commitments/" + ofA).body()).isEqualTo(commitmentBefore);
        assertThat(operator().get("/api/agencies/" + A).body()).isEqualTo(agencyBefore);
        assertThat(operator().get("/api/assignment-rules").body()).isEqualTo(rulesBefore);
        assertThat(mongo.getCollection(CommitmentStore.COLLECTION).countDocuments()).isEqualTo(storedBefore);
    }

    /** Fuzz: every hostile variant of a progress event the codec refuses is dead-lettered with its reason; nothing changes. */
    @Test
    void everyHostileProgressEventIsDeadLetteredWithItsReasonAndChangesNothing() {
        String valid = new String(codec.encode(EventEnvelope.of(UUID.randomUUID(), "/agency/" + A, new ProgressReported(ofA, A,
                "IN_PROGRESS", 40, "hostile", List.of("https://example.org/evidence"), t0), Instant.now(), null)), StandardCharsets.UTF_8);
        String before = operator().get("/api/commitments/" + ofA).body();
        Map<String, String> keys = DeadLetters.sendRefusedVariants(Topics.PROGRESS, valid, codec::decode,
                InvalidEventException.class, Map.of(RegistryFixtures.AUTHORIZATION, TestTokens.agency(A)));
        assertThat(keys).hasSizeGreaterThan(30);

        DeadLetters.assertDeadLettered(DEAD_LETTERS, keys, Duration.ofSeconds(120));
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readAll(DEAD_LETTERS, Duration.ofSeconds(1)).stream()
                .filter(r -> keys.containsKey(r.key())).toList();
        assertThat(dead).allSatisfy(record -> assertThat(record.headers().lastHeader(RegistryFixtures.AUTHORIZATION))
                .as("no live token in a dead letter: %s", keys.get(record.key())).isNull());
        assertThat(operator().get("/api/commitments/" + ofA).body()).isEqualTo(before);
    }

    /**
     * Hostile variants of the one body that is a JSON array ({@code ["agency-a"]}): HostileInput varies objects,
     * so the array's are spelled out here, one for each of its kinds.
     */
    private static Map<String, byte[]> arrayVariants() {
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("empty body", "");
        variants.put("truncated", "[\"agency-");
        variants.put("not JSON", "<agencies><agency>agency-a</agency></agencies>");
        variants.put("JSON null", "null");
        variants.put("object instead of array", "{\"agencies\":[\"" + A + "\"]}");
        variants.put("string instead of array", "\"" + A + "\"");
        variants.put("deep nesting", "[".repeat(100_000) + "]".repeat(100_000));
        variants.put("lone surrogate", "[\"agency-a\\ud800b\"]");
        variants.put("NUL character", "[\"agency-a\\u0000\"]");
        variants.put("null element", "[null]");
        variants.put("number element", "[123456789012345678901234567890]");
        variants.put("object element", "[{\"x\":1}]");
        variants.put("array element", "[[1]]");
        variants.put("huge string element", "[\"" + "一".repeat(1024 * 1024) + "\"]");
        variants.put("too many agencies", "[" + "\"agency-a\",".repeat(1000) + "\"agency-a\"]");
        variants.put("unknown agency", "[\"agency-nowhere\"]");
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        variants.forEach((name, body) -> bytes.put(name, body.getBytes(StandardCharsets.UTF_8)));
        bytes.put("invalid UTF-8", new byte[] {'[', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ']'});
        return bytes;
    }

    private String report(String agencyId, String status) {
        return report("e-" + UUID.randomUUID(), agencyId, status, "fuzz");
    }

    private String report(String eventId, String agencyId, String status, String note) {
        return "{\"eventId\":\"" + eventId + "\",\"agencyId\":\"" + agencyId + "\",\"status\":"
                + (status == null ? "null" : "\"" + status + "\"") + ",\"percentComplete\":40,\"note\":\"" + note + "\","
                + "\"evidenceUrls\":[\"https://example.org/evidence\"],\"occurredAt\":\"" + t0 + "\"}";
    }

    private List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json.readTree(page.body()).get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
