package org.commitmenttracker.notification.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.commitmenttracker.events.DeadlineApproaching;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.notification.NotificationApi;
import org.commitmenttracker.notification.WebhookReceiver;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.testsupport.AccessMatrix;
import org.commitmenttracker.testsupport.AccessTableTests;
import org.commitmenttracker.testsupport.DeadLetters;
import org.commitmenttracker.testsupport.HostileInput;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what on the notification API, against docs/security.md and the running service: the access
 * table, ownership (one subscriber never reaches another's subscriptions, alerts or deliveries), server-owned
 * fields, the write rate limit, errors, hostile bodies and hostile events. Its own consumer group, so that the
 * events it sends are handled by this context (and its database) whatever other test contexts are running.
 */
@UsesTestStack(database = "notification-security-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.security.rate-limit.writes-per-second=5",
        "spring.cloud.stream.bindings.alertOnStatusChange-in-0.group=notification-security-it",
        "spring.cloud.stream.bindings.alertOnDeadline-in-0.group=notification-security-it"})
class NotificationSecurityIT extends AccessTableTests {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();
    private final HttpClient raw = HttpClient.newHttpClient();

    NotificationSecurityIT() {
        super("notification");
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void theOldSubscriberHeaderIsNoIdentityAndOnlyProbesAndMetricsAnswerWithoutAToken() {
        HttpResponse<String> header = Http.local(port).send("GET", "/api/subscriptions", "application/json", "",
                Map.of("X-Subscriber-Id", "alice"));
        assertThat(header.statusCode()).isEqualTo(401);
        assertThat(header.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        AccessMatrix.assertOnlyProbesAndMetricsArePublic(managementPort);
        assertThat(Http.local(managementPort).as(TestTokens.subscriber("alice")).get("/actuator/bindings").statusCode()).isEqualTo(403);
        assertThat(Http.local(port).as(TestTokens.bearer("operator")).get("/actuator/health").statusCode()).isIn(403, 404);
    }

    /** Broken object-level authorization: another subscriber's ids answer 404 (not 403: nothing leaks), lists show the caller's own. */
    @Test
    void aSubscriberNeitherSeesNorChangesAnotherSubscribersSubscriptionsAlertsOrDeliveries() throws Exception {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        String documentId = "doc-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            NotificationApi asAlice = new NotificationApi(port, alice);
            JsonNode created = asAlice.subscribe("{\"name\":\"alice's\",\"documentIds\":[\"" + documentId
                    + "\"],\"webhookUrl\":\"" + receiver.url("/") + "\"}");
            String id = created.get("id").asString();
            receiver.trust(created.get("secret").asString());
            NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
            await().atMost(PATIENCE).until(() -> asAlice.get("/api/deliveries?state=delivered&subscriptionId=" + id).size() == 1);
            String delivery = asAlice.get("/api/deliveries?state=delivered&subscriptionId=" + id).get(0).get("id").asString();
            assertThat(asAlice.get("/api/subscriptions/" + id + "/alerts")).hasSize(1);
            HttpResponse<String> silenced = asAlice.send("POST", "/api/subscriptions/" + id + "/silences",
                    "{\"until\":\"" + java.time.Instant.now().plus(Duration.ofDays(30)) + "\",\"documentIds\":[\"doc-muted\"]}");
            assertThat(silenced.statusCode()).as(silenced.body()).isBetween(200, 201);
            String silence = asAlice.json(silenced.body()).get("id").asString();
            Document before = raw(id);

            Http asBob = Http.local(port).as(TestTokens.subscriber(bob));
            SoftAssertions softly = new SoftAssertions();
            for (String[] call : new String[][]{
                    {"GET", "/api/subscriptions/" + id, ""},
                    {"PATCH", "/api/subscriptions/" + id, "{\"name\":\"bob's now\",\"webhookUrl\":\"http://127.0.0.1:9/bob\"}"},
                    {"PATCH", "/api/subscriptions/" + id, "{\"enabled\":false}"},
                    {"POST", "/api/subscriptions/" + id + "/rotate-secret", ""},
                    {"POST", "/api/subscriptions/" + id + "/ping", ""},
                    {"GET", "/api/subscriptions/" + id + "/alerts", ""},
                    {"GET", "/api/subscriptions/" + id + "/silences", ""},
                    {"POST", "/api/subscriptions/" + id + "/silences", "{\"until\":\"" + java.time.Instant.now().plus(Duration.ofDays(30)) + "\"}"},
                    {"DELETE", "/api/subscriptions/" + id + "/silences/" + silence, ""},
                    {"DELETE", "/api/subscriptions/" + id, ""},
                    {"GET", "/api/deliveries/" + delivery, ""},
                    {"POST", "/api/deliveries/" + delivery + "/replay", ""}}) {
                HttpResponse<String> answer = patiently(asBob, call[0], call[1], call[2]);
                softly.assertThat(answer.statusCode()).as("%s %s as another subscriber", call[0], call[1]).isEqualTo(404);
                softly.assertThat(answer.body()).as("%s %s", call[0], call[1]).doesNotContain("alice", documentId, "forbidden");
            }
            // Nor by the filters of the lists: they only ever show the caller's own.
            softly.assertThat(json.readTree(asBob.get("/api/subscriptions").body())).isEmpty();
            for (String state : List.of("pending", "sending", "delivered", "dead")) {
                softly.assertThat(json.readTree(asBob.get("/api/deliveries?state=" + state + "&subscriptionId=" + id).body()))
                        .as("bob's %s deliveries of alice's subscription", state).isEmpty();
                softly.assertThat(json.readTree(asBob.get("/api/deliveries?state=" + state).body())).as("bob's %s deliveries", state)
                        .isEmpty();
            }
            // Operators manage the platform, not people's subscriptions.
            softly.assertThat(Http.local(port).as(TestTokens.bearer("operator")).get("/api/subscriptions/" + id).statusCode())
                    .isEqualTo(403);
            softly.assertAll();

            Document after = raw(id);
            assertThat(after).isEqualTo(before);
            assertThat(asAlice.get("/api/subscriptions/" + id).get("name").asString()).isEqualTo("alice's");
            assertThat(asAlice.get("/api/subscriptions")).hasSize(1);
            // Alice's secret still signs: bob rotated nothing.
            assertThat(asAlice.pingDelivered(id)).isTrue();
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
        }
    }

    /** Mass assignment: id, owner, secrets, timestamps, disabled state… are the server's; a body naming one is refused. */
    @Test
    void aBodyCannotSetServerOwnedFields() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        NotificationApi api = new NotificationApi(port, owner);
        Map<String, String> serverOwned = new LinkedHashMap<>();
        serverOwned.put("id", "\"sub-chosen-by-the-caller\"");
        serverOwned.put("_id", "\"sub-chosen-by-the-caller\"");
        serverOwned.put("owner", "\"someone-else\"");
        serverOwned.put("secret", "\"whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"");
        serverOwned.put("sealedSecret", "\"v1:AAAA\"");
        serverOwned.put("previousSecret", "\"whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"");
        serverOwned.put("previousSecretExpiresAt", "\"2999-01-01T00:00:00Z\"");
        serverOwned.put("webhook", "{\"url\":\"http://127.0.0.1:9/x\",\"sealedSecret\":\"v1:AAAA\"}");
        serverOwned.put("createdAt", "\"2000-01-01T00:00:00Z\"");
        serverOwned.put("updatedAt", "\"2000-01-01T00:00:00Z\"");
        serverOwned.put("version", "7");
        serverOwned.put("deleted", "true");
        serverOwned.put("disabledReason", "\"webhook answered 410 Gone\"");
        serverOwned.put("fingerprint", "\"x\"");
        serverOwned.put("filter", "{}");
        serverOwned.put("deliveryId", "\"msg_x\"");

        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> field : serverOwned.entrySet()) {
            HttpResponse<String> answer = patiently(api, "POST", "/api/subscriptions",
                    "{\"name\":\"mass\",\"topics\":[\"trade\"]," + json.writeValueAsString(field.getKey()) + ":" + field.getValue() + "}");
            softly.assertThat(answer.statusCode()).as("POST with %s: %s", field.getKey(), answer.body()).isEqualTo(400);
            softly.assertThat(answer.body()).as("POST with %s", field.getKey()).contains("the field at /" + field.getKey() + " is not one the API knows");
        }
        softly.assertThat(patiently(api, "POST", "/api/subscriptions", "{\"name\":\"mass\",\"enabled\":false}").statusCode())
                .as("enabled on creation").isEqualTo(400);
        softly.assertAll();
        assertThat(mongo.count(Query.query(Criteria.where("owner").is(owner)), Subscription.COLLECTION)).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("sub-chosen-by-the-caller")), Subscription.COLLECTION)).isZero();

        JsonNode created = api.subscribe("{\"name\":\"mass\",\"topics\":[\"trade\"],\"webhookUrl\":\"http://127.0.0.1:9/hook\"}");
        String id = created.get("id").asString();
        assertThat(id).startsWith("sub-");
        Document stored = raw(id);
        assertThat(stored.getString("owner")).isEqualTo(owner);
        for (Map.Entry<String, String> field : serverOwned.entrySet()) {
            HttpResponse<String> answer = patiently(api, "PATCH", "/api/subscriptions/" + id,
                    "{" + json.writeValueAsString(field.getKey()) + ":" + field.getValue() + "}");
            softly.assertThat(answer.statusCode()).as("PATCH with %s: %s", field.getKey(), answer.body()).isEqualTo(400);
        }
        softly.assertAll();
        assertThat(raw(id)).isEqualTo(stored);
        assertThat(mongo.count(Query.query(Criteria.where("owner").is("someone-else")), Subscription.COLLECTION)).isZero();
    }

    @Test
    void writesBeyondTheClientsRateAreRefusedWith429AndRetryAfterWhileOtherClientsGoOn() {
        AccessMatrix.assertWritesLimitedPerClient(port, "subscriber", "DELETE", "/api/subscriptions/sub-ffffffff", 404,
                "/api/subscriptions");
    }

    @Test
    void errorsCarryNoStackTraceNorInternals() {
        Http subscriber = Http.local(port).as(TestTokens.subscriber("errors-" + UUID.randomUUID()));
        List<HttpResponse<String>> errors = List.of(
                subscriber.post("/api/subscriptions", "{\"name\": [1, {\"deep\": "),
                subscriber.post("/api/subscriptions", "{\"name\":\"x\",\"sections\":[\"two\"]}"),
                subscriber.post("/api/subscriptions", "{\"name\":{\"x\":1}}"),
                subscriber.post("/api/subscriptions", ""),
                subscriber.send("POST", "/api/subscriptions", "application/x-unknown", "???", Map.of()),
                subscriber.send("PUT", "/api/subscriptions/sub-x", "application/json", "{}", Map.of()),
                subscriber.get("/api/subscriptions/sub-%00%ff"),
                subscriber.get("/api/subscriptions/sub-x/alerts?limit=lots"),
                subscriber.get("/api/deliveries?state=%00"),
                subscriber.get("/api/deliveries?limit=lots"),
                Http.local(port).as("Bearer not.a.jwt").get("/api/subscriptions"),
                Http.local(port).as(TestTokens.forged("subscriber")).get("/api/subscriptions"));
        for (HttpResponse<String> error : errors) {
            assertThat(error.statusCode()).as(error.body()).isBetween(400, 499);
            assertThat(error.body()).as("status %d", error.statusCode())
                    .doesNotContain("Exception", "\tat ", "at org.", "at java.", "java.", "tools.jackson", "springframework",
                            "commitmenttracker", "127.0.0.1", "localhost", "mongodb://", "kid");
        }
    }

    /** Fuzz: every hostile variant of a subscription body, created or patched, is a 4xx problem and stores nothing. */
    @Test
    void hostileBodiesAreRefusedWithAProblemAndStoreNothing() throws Exception {
        String valid = "{\"name\":\"hostile\",\"documentIds\":[\"doc-1\"],\"statuses\":[\"PLEDGED\"],\"sections\":[2],"
                + "\"parties\":[\"CN\"],\"events\":[{\"kind\":\"deadline.approaching\",\"horizons\":[7]}],\"keyword\":\"Expo\","
                + "\"webhookUrl\":\"http://127.0.0.1:9/hook\"}";
        Map<String, byte[]> variants = new LinkedHashMap<>(HostileInput.variantsOf(valid));
        // The "wrong" array for sections is [1]: a list of section numbers, a valid body (the other types are not).
        assertThat(variants.remove("wrong type at /sections (array)")).isNotNull();
        assertThat(variants).hasSizeGreaterThan(30);
        String run = UUID.randomUUID().toString();
        SoftAssertions softly = new SoftAssertions();
        Map<String, Document> patched = new LinkedHashMap<>();
        int client = 0;
        for (Map.Entry<String, byte[]> variant : variants.entrySet()) {
            // A client per variant: the fuzz must meet the parser, not the rate limiter.
            String subject = "fuzz-" + run + "-" + client++;
            String token = TestTokens.subscriber(subject);
            Http api = Http.local(port).as(token);
            HttpResponse<String> posted = sendRaw(token, "POST", "/api/subscriptions", variant.getValue());
            softly.assertThat(posted.statusCode()).as("POST %s: %s", variant.getKey(), posted.body()).isBetween(400, 499);
            softly.assertThat(posted.headers().firstValue("Content-Type")).as("POST %s", variant.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            softly.assertThat(mongo.count(Query.query(Criteria.where("owner").is(subject)), Subscription.COLLECTION))
                    .as("POST %s stored", variant.getKey()).isZero();

            HttpResponse<String> own = api.post("/api/subscriptions", valid.replace("\"hostile\"", "\"" + client + "\""));
            softly.assertThat(own.statusCode()).as("valid POST: %s", own.body()).isEqualTo(201);
            if (own.statusCode() != 201) {
                continue;
            }
            String id = json.readTree(own.body()).get("id").asString();
            patched.put(id, raw(id));
            HttpResponse<String> patch = sendRaw(token, "PATCH", "/api/subscriptions/" + id, variant.getValue());
            softly.assertThat(patch.statusCode()).as("PATCH %s: %s", variant.getKey(), patch.body()).isBetween(400, 499);
            softly.assertThat(patch.headers().firstValue("Content-Type")).as("PATCH %s", variant.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        softly.assertAll();
        patched.forEach((id, before) -> assertThat(raw(id)).as(id).isEqualTo(before));
    }

    /** Fuzz: every hostile variant of a consumed event the codec refuses is dead-lettered with its reason and alerts nobody. */
    @Test
    void everyHostileEventIsDeadLetteredWithItsReasonAndAlertsNobody() throws Exception {
        String documentId = "doc-hostile-" + UUID.randomUUID();
        String commitmentId = "cmt-hostile-" + UUID.randomUUID();
        NotificationApi api = new NotificationApi(port, "watcher-" + UUID.randomUUID());
        String watcher = api.subscribe("{\"name\":\"everything\",\"documentIds\":[\"" + documentId + "\"]}").get("id").asString();

        byte[] statusChange = NotificationApi.event(UUID.randomUUID(),
                NotificationApi.statusChange(commitmentId, documentId, null, "PLEDGED", 1), null);
        byte[] deadline = NotificationApi.event(UUID.randomUUID(), new DeadlineApproaching(commitmentId, documentId, "end",
                LocalDate.now().plusDays(7), 7, "PLEDGED"), null);
        Map<String, String> statusKeys = sendHostile(Topics.STATUS_CHANGES, statusChange);
        Map<String, String> deadlineKeys = sendHostile(Topics.DEADLINES, deadline);

        DeadLetters.assertDeadLettered("status-changes.notification.dlq", statusKeys, Duration.ofSeconds(180));
        DeadLetters.assertDeadLettered("deadlines.notification.dlq", deadlineKeys, Duration.ofSeconds(180));

        // The valid ones after them do alert: the hostile ones were passed over, and alerted nobody.
        TopicReader.write(Topics.STATUS_CHANGES, commitmentId, statusChange);
        await().atMost(PATIENCE).until(() -> api.get("/api/subscriptions/" + watcher + "/alerts").size() >= 1);
        TopicReader.write(Topics.DEADLINES, commitmentId, deadline);
        await().atMost(PATIENCE).until(() -> api.get("/api/subscriptions/" + watcher + "/alerts").size() >= 2);
        Thread.sleep(1_000);
        assertThat(api.get("/api/subscriptions/" + watcher + "/alerts")).hasSize(2);
    }

    private Map<String, String> sendHostile(String topic, byte[] valid) {
        // A huge summary is still a well-typed event: handled, not refused (the codec's own test says which).
        Map<String, String> keys = DeadLetters.sendRefusedVariants(topic, new String(valid, StandardCharsets.UTF_8),
                codec::decode, InvalidEventException.class);
        assertThat(keys).as(topic).hasSizeGreaterThan(30);
        return keys;
    }

    private Document raw(String id) {
        return mongo.getCollection(Subscription.COLLECTION).find(new Document("_id", id)).first();
    }

    /** The bytes as they are (invalid UTF-8 included), which a client sending strings could not do. */
    private HttpResponse<String> sendRaw(String token, String method, String path, byte[] body) throws Exception {
        return raw.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", token)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A call that waits out the rate limit (these tests are about answers, not about the limiter). */
    private static HttpResponse<String> patiently(Http api, String method, String path, String body) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> answer = method.equals("GET") ? api.get(path) : api.send(method, path, "application/json", body, Map.of());
            if (answer.statusCode() != 429 || attempt == 10) {
                return answer;
            }
            Thread.sleep(1_000);
        }
    }

    private static HttpResponse<String> patiently(NotificationApi api, String method, String path, String body) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> answer = api.send(method, path, body);
            if (answer.statusCode() != 429 || attempt == 10) {
                return answer;
            }
            Thread.sleep(1_000);
        }
    }
}
