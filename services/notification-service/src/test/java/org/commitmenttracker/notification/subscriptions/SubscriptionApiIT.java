package org.commitmenttracker.notification.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.commitmenttracker.notification.NotificationApi;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/** The subscriptions API over HTTP against the real store: ownership, changes, and every refusal as a problem. */
@UsesTestStack(database = "notification-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubscriptionApiIT {
    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SubscriptionStore store;
    String owner;
    NotificationApi api;

    @BeforeEach
    void subscriber() {
        owner = "analyst-" + UUID.randomUUID();
        api = new NotificationApi(port, owner);
    }

    @Test
    void ownerCreatesReadsChangesAndDeletesOthersSeeNothing() throws Exception {
        JsonNode created = api.subscribe("{\"name\":\"trade\",\"topics\":[\"trade\"],\"parties\":[\"CN\"],"
                + "\"events\":[{\"kind\":\"status.changed\",\"to\":[\"COMPLETED\"]},{\"kind\":\"deadline.missed\"}],"
                + "\"keyword\":\"Expo\",\"webhookUrl\":\"http://127.0.0.1:9/hook\"}");
        String id = created.get("id").asString();
        assertThat(created.get("secret").asString()).startsWith("whsec_");
        assertThat(api.get("/api/subscriptions/" + id).has("secret")).isFalse();
        assertThat(api.get("/api/subscriptions")).hasSize(1);

        NotificationApi stranger = api.as("someone-else");
        for (String[] call : new String[][]{{"GET", ""}, {"PATCH", "{\"name\":\"mine\"}"}, {"DELETE", null},
                {"POST", null, "/ping"}, {"POST", null, "/rotate-secret"}, {"GET", null, "/alerts"}}) {
            String path = "/api/subscriptions/" + id + (call.length > 2 ? call[2] : "");
            assertThat(stranger.send(call[0], path, call[0].equals("PATCH") ? call[1] : null).statusCode())
                    .as(call[0] + " " + path).isEqualTo(404);
        }
        assertThat(api.as(null).send("GET", "/api/subscriptions", null).statusCode()).isEqualTo(401);

        HttpResponse<String> patched = api.send("PATCH", "/api/subscriptions/" + id, "{\"parties\":[],\"statuses\":[\"OVERDUE\"]}");
        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode view = api.json(patched.body());
        assertThat(view.get("parties")).isEmpty();
        assertThat(view.get("topics").get(0).asString()).isEqualTo("trade");
        assertThat(view.get("statuses").get(0).asString()).isEqualTo("OVERDUE");

        HttpResponse<String> rotated = api.send("POST", "/api/subscriptions/" + id + "/rotate-secret", null);
        assertThat(api.json(rotated.body()).get("secret").asString()).startsWith("whsec_")
                .isNotEqualTo(created.get("secret").asString());
        assertThat(api.json(rotated.body()).has("previousSecretExpiresAt")).isTrue();

        assertThat(api.send("DELETE", "/api/subscriptions/" + id, null).statusCode()).isEqualTo(204);
        assertThat(api.send("GET", "/api/subscriptions/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theSameSubscriptionTwiceIsAConflictUntilTheFirstIsDeleted() throws Exception {
        String body = "{\"name\":\"a\",\"documentIds\":[\"doc-1\",\"doc-2\"],\"statuses\":[\"PLEDGED\"]}";
        String id = api.subscribe(body).get("id").asString();
        HttpResponse<String> again = api.send("POST", "/api/subscriptions",
                "{\"name\":\"b\",\"statuses\":[\"PLEDGED\"],\"documentIds\":[\"doc-2\",\"doc-1\"]}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(api.as("another").send("POST", "/api/subscriptions", body).statusCode()).isEqualTo(201);
        api.send("DELETE", "/api/subscriptions/" + id, null);
        assertThat(api.send("POST", "/api/subscriptions", body).statusCode()).isEqualTo(201);
    }

    /**
     * A write based on a read taken before another write changes only its own fields and never brings back a deleted
     * subscription: a receiver's 410 (disable) read before the owner's DELETE leaves it deleted, and one read before
     * a secret rotation keeps the new secret.
     */
    @Test
    void aWriteReadBeforeAnotherNeitherUndoesItNorResurrectsADeletedSubscription() throws Exception {
        String rotatedId = api.subscribe("{\"name\":\"r\",\"documentIds\":[\"doc-r\"],\"webhookUrl\":\"http://127.0.0.1:9/hook\"}")
                .get("id").asString();
        Subscription readBeforeRotation = store.find(rotatedId).orElseThrow();
        assertThat(api.send("POST", "/api/subscriptions/" + rotatedId + "/rotate-secret", null).statusCode()).isEqualTo(200);
        String rotatedSecret = store.find(rotatedId).orElseThrow().webhook().sealedSecret();
        assertThat(rotatedSecret).isNotEqualTo(readBeforeRotation.webhook().sealedSecret());

        Subscription disabled = store.change(readBeforeRotation, readBeforeRotation.withEnabled(false, "receiver gone",
                java.time.Instant.now())).orElseThrow();
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.webhook().sealedSecret()).isEqualTo(rotatedSecret);
        assertThat(store.find(rotatedId).orElseThrow().webhook().sealedSecret()).isEqualTo(rotatedSecret);

        String deletedId = api.subscribe("{\"name\":\"d\",\"documentIds\":[\"doc-d\"],\"webhookUrl\":\"http://127.0.0.1:9/hook\"}")
                .get("id").asString();
        Subscription readBeforeDelete = store.find(deletedId).orElseThrow();
        assertThat(api.send("DELETE", "/api/subscriptions/" + deletedId, null).statusCode()).isEqualTo(204);

        assertThat(store.change(readBeforeDelete, readBeforeDelete.withEnabled(false, "receiver gone", java.time.Instant.now())))
                .isEmpty();
        assertThat(store.find(deletedId).orElseThrow().deleted()).isTrue();
        assertThat(api.send("GET", "/api/subscriptions/" + deletedId, null).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/subscriptions")).hasSize(1);
    }

    /** At most {@code tracker.subscriptions.limits.max-per-owner} (20 in the tests) at once: then a 409 problem, nothing stored. */
    @Test
    void aSubscriberHasAtMostTheConfiguredNumberOfSubscriptions() throws Exception {
        for (int i = 1; i <= 20; i++) {
            api.subscribe("{\"name\":\"n\",\"documentIds\":[\"doc-" + i + "\"]}");
        }
        HttpResponse<String> refused = api.send("POST", "/api/subscriptions", "{\"name\":\"n\",\"documentIds\":[\"doc-21\"]}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(api.json(refused.body()).get("detail").asString()).contains("20 subscriptions");
        assertThat(api.get("/api/subscriptions")).hasSize(20);
        assertThat(api.as("someone-else-" + UUID.randomUUID()).send("POST", "/api/subscriptions", "{\"name\":\"n\"}").statusCode())
                .as("per owner").isEqualTo(201);
        String first = api.get("/api/subscriptions").get(0).get("id").asString();
        assertThat(api.send("DELETE", "/api/subscriptions/" + first, null).statusCode()).isEqualTo(204);
        assertThat(api.send("POST", "/api/subscriptions", "{\"name\":\"n\",\"documentIds\":[\"doc-21\"]}").statusCode()).isEqualTo(201);
    }

    /**
     * Creates racing for the last places cannot pass the cap together: of 30 creates started at once by an owner with
     * 20 places, exactly 20 are stored and the other 10 are refused with the cap's problem.
     */
    @Test
    void concurrentCreatesNeverPassTheCap() throws Exception {
        int creates = 30;
        ExecutorService clients = Executors.newFixedThreadPool(creates);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 1; i <= creates; i++) {
                String body = "{\"name\":\"n\",\"documentIds\":[\"doc-" + i + "\"]}";
                answers.add(clients.submit(() -> {
                    start.await();
                    return api.send("POST", "/api/subscriptions", body);
                }));
            }
            start.countDown();
            Map<Integer, Long> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.merge(response.statusCode(), 1L, Long::sum);
                if (response.statusCode() == 409) {
                    assertThat(api.json(response.body()).get("detail").asString()).contains("20 subscriptions");
                }
            }
            assertThat(statuses).containsExactlyEntriesOf(new TreeMap<>(Map.of(201, 20L, 409, 10L)));
        } finally {
            clients.shutdownNow();
        }
        assertThat(api.get("/api/subscriptions")).hasSize(20);
        String first = api.get("/api/subscriptions").get(0).get("id").asString();
        assertThat(api.send("DELETE", "/api/subscriptions/" + first, null).statusCode()).isEqualTo(204);
        assertThat(api.send("POST", "/api/subscriptions", "{\"name\":\"n\",\"documentIds\":[\"doc-31\"]}").statusCode())
                .as("a deleted subscription frees its place").isEqualTo(201);
        assertThat(api.send("POST", "/api/subscriptions", "{\"name\":\"n\",\"documentIds\":[\"doc-32\"]}").statusCode())
                .isEqualTo(409);
    }

    /** Subscriptions stored before slots existed take theirs at start, so they count towards the cap. */
    @Test
    void subscriptionsStoredBeforeSlotsExistedCountOnceTheyGetTheirsAtStart() throws Exception {
        for (int i = 1; i <= 20; i++) {
            api.subscribe("{\"name\":\"n\",\"documentIds\":[\"doc-" + i + "\"]}");
        }
        // As they were stored before slots existed.
        mongo.getCollection(Subscription.COLLECTION).updateMany(new Document("owner", owner),
                new Document("$unset", new Document("slot", "")));

        store.afterPropertiesSet(); // what a start does

        assertThat(store.ownedBy(owner)).extracting(Subscription::slot).doesNotContainNull().doesNotHaveDuplicates().hasSize(20);
        assertThat(api.send("POST", "/api/subscriptions", "{\"name\":\"n\",\"documentIds\":[\"doc-21\"]}").statusCode())
                .isEqualTo(409);
    }

    /**
     * Unknown fields are refused while parsing, at the first one: no map collects them, and the answer names that
     * field only instead of echoing every key the body brought (up to the 1 MB body limit).
     */
    @Test
    void aBodyOfManyUnknownFieldsIsRefusedAtTheFirstWithoutEchoingTheRest() throws Exception {
        StringBuilder body = new StringBuilder("{\"name\":\"x\"");
        for (int i = 0; i < 5000; i++) {
            body.append(",\"unknown").append(i).append("\":").append(i);
        }
        String manyKeys = body.append('}').toString();
        HttpResponse<String> created = api.send("POST", "/api/subscriptions", manyKeys);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(created.body()).contains("/unknown0 is not one the API knows").doesNotContain("unknown1", "unknown4999");
        assertThat(api.get("/api/subscriptions")).isEmpty();

        String id = api.subscribe("{\"name\":\"x\",\"topics\":[\"trade\"]}").get("id").asString();
        HttpResponse<String> silenced = api.send("POST", "/api/subscriptions/" + id + "/silences",
                "{\"until\":\"2999-01-01T00:00:00Z\",\"commitmentId\":[\"cmt-1\"]}");
        assertThat(silenced.statusCode()).as(silenced.body()).isEqualTo(400);
        assertThat(silenced.body()).contains("the field at /commitmentId is not one the API knows");
        assertThat(api.get("/api/subscriptions/" + id + "/silences")).isEmpty();
    }

    @Test
    void everyInvalidRequestIsABadRequestProblemThatSaysWhy() throws Exception {
        String longValue = "x".repeat(201);
        String[][] cases = {
                {"{\"name\":\"x\",\"statuses\":[\"DONE\"]}", "Unknown status 'DONE'"},
                {"{\"name\":\"x\",\"events\":[{\"kind\":\"deadline.soon\"}]}", "unknown kind 'deadline.soon'"},
                {"{\"name\":\"x\",\"events\":[{\"kind\":\"status.changed\",\"horizons\":[7]}]}", "horizons apply to deadline.approaching only"},
                {"{\"name\":\"x\",\"events\":[{\"kind\":\"deadline.approaching\",\"horizons\":[-1]}]}", "horizon -1"},
                {"{\"name\":\"x\",\"events\":[{\"kind\":\"deadline.missed\",\"to\":[\"COMPLETED\"]}]}", "from/to apply to status.changed only"},
                {"{\"name\":\"x\",\"parties\":[\"China\"]}", "not an ISO 3166 alpha-2 code"},
                {"{\"name\":\"x\",\"statuse\":[\"PLEDGED\"]}", "the field at /statuse is not one the API knows"},
                {"{\"name\":\"x\",\"events\":[{\"kind\":\"status.changed\",\"form\":[\"PLEDGED\"]}]}",
                        "the field at /events/0/form is not one the API knows"},
                {"{\"name\":\"x\",\"digest\":{\"frequency\":\"daily\",\"hour\":\"08:00\"}}",
                        "the field at /digest/hour is not one the API knows"},
                {"{\"name\":\"" + longValue + "\"}", "name is longer than 200 characters"},
                {"{\"name\":\"x\",\"topics\":[\"" + longValue + "\"]}", "topics: a value is longer than 200 characters"},
                {"{\"name\":\"x\",\"keyword\":\"" + longValue + "\"}", "keyword is longer than 200 characters"},
                {"{\"name\":\"x\",\"sections\":[\"two\"]}", "not the JSON expected"},
                {"{\"statuses\":[\"PLEDGED\"]}", "name is required"},
                {"{\"name\":\"x\",\"webhookUrl\":\"http://hooks.example.org/alerts\"}", "must use https, not http"},
                {"{\"name\":\"x\",\"webhookUrl\":\"ftp://127.0.0.1/alerts\"}", "must use https, not ftp"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://10.1.2.3/alerts\"}", "not a public address"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://192.168.0.10/alerts\"}", "not a public address"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://169.254.169.254/latest/meta-data\"}", "not a public address"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://[::ffff:10.0.0.1]/alerts\"}", "not a public address"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://[fd00:ec2::254]/alerts\"}", "not a public address"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://224.0.0.1/alerts\"}", "not a public address"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://[::10.0.0.5]/alerts\"}", "not a public address"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://[::127.0.0.1]/alerts\"}", "not a public address"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://[64:ff9b:1::a00:5]/alerts\"}", "not a public address"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://[2001:0:4136:e378:8000:63bf:f5ff:fffa]/alerts\"}", "not a public address"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://[100::1]/alerts\"}", "not a public address"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://user:pw@hooks.example.org/alerts\"}", "must not carry user info"},
                {"{\"name\":\"x\",\"webhookUrl\":\"hooks.example.org/alerts\"}", "must be absolute"},
                {"{\"name\":\"x\",\"webhookUrl\":\"https://hooks.example.org/" + "a".repeat(2048) + "\"}", "longer than 2048"},
        };
        for (String[] bad : cases) {
            HttpResponse<String> response = api.send("POST", "/api/subscriptions", bad[0]);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(bad[0]).hasValueSatisfying(
                    type -> assertThat(type).contains("application/problem+json"));
            assertThat(response.body()).as(bad[0]).contains(bad[1]);
        }
        assertThat(api.get("/api/subscriptions")).isEmpty();
    }
}
