package org.commitmenttracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.commitmenttracker.events.DeadlineMissed;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.notification.batching.Batches;
import org.commitmenttracker.notification.email.TestMail;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

import tools.jackson.databind.JsonNode;

/**
 * Noise control against the real broker, store and SMTP server, with a clock the tests move: grouped webhooks,
 * digests at the subscriber's local time, silences until they end, reminders of overdue commitments until their
 * status changes, and the problems bad settings get.
 */
@NoiseIT
class NoiseControlIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Batches batches;

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void webhookAlertsWithinTheWindowGoOutAsOneSignedMessageListingEveryEventId() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            NotificationApi api = new NotificationApi(port, "system-" + UUID.randomUUID());
            String documentId = "doc-" + UUID.randomUUID();
            JsonNode created = api.subscribe("{\"name\":\"grouped\",\"documentIds\":[\"" + documentId + "\"],\"webhookUrl\":\""
                    + receiver.url("/hook") + "\",\"groupWindow\":\"3s\"}");
            receiver.trust(created.get("secret").asString());
            assertThat(created.get("groupWindow").asString()).isEqualTo("PT3S");
            List<String> eventIds = List.of(
                    NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1),
                    NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1),
                    NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1));

            await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
            Thread.sleep(4000);
            assertThat(receiver.received()).as("one message for the group").hasSize(1);
            WebhookReceiver.Received message = receiver.accepted().get(0);
            assertThat(message.signatureValid()).isTrue();
            JsonNode body = api.json(message.body());
            assertThat(body.get("type").asString()).isEqualTo("alerts.grouped");
            assertThat(body.get("data").get("eventIds").valueStream().map(JsonNode::asString).toList())
                    .containsExactlyInAnyOrderElementsOf(eventIds);
            assertThat(body.get("data").get("alerts")).hasSize(3);
            assertThat(body.get("data").get("alerts").get(0).get("type").asString()).isEqualTo("status.changed");
        }
    }

    @Test
    void aDailyDigestGoesOutAtTheSubscribersLocalTimeAndNotBefore() throws Exception {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        LocalDate tomorrow = LocalDate.now(shanghai).plusDays(1);
        clock.set(tomorrow.atTime(LocalTime.of(7, 59)).atZone(shanghai).toInstant());
        NotificationApi api = new NotificationApi(port, "minister-" + UUID.randomUUID());
        String address = "digest-" + UUID.randomUUID() + "@example.org";
        String documentId = "doc-" + UUID.randomUUID();
        JsonNode created = api.subscribe("{\"name\":\"Morning\",\"documentIds\":[\"" + documentId + "\"],\"email\":\"" + address
                + "\",\"digest\":{\"frequency\":\"daily\",\"at\":\"08:00\",\"zone\":\"Asia/Shanghai\"}}");
        assertThat(created.get("digest").toString()).isEqualTo("{\"frequency\":\"daily\",\"at\":\"08:00\",\"zone\":\"Asia/Shanghai\"}");
        String id = created.get("id").asString();
        JsonNode stored = api.get("/api/subscriptions/" + id); // read back from the store
        assertThat(stored.get("digest")).isEqualTo(created.get("digest"));
        assertThat(stored.get("groupWindow").asString()).as("the e-mail default, unused by a digest").isEqualTo("PT30S");
        confirm(TestMail.await(address, 1).get(0));
        NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
        NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
        await().atMost(PATIENCE).until(() -> api.get("/api/subscriptions/" + id + "/alerts").size() == 2);

        clock.set(tomorrow.atTime(LocalTime.of(7, 59, 59)).atZone(shanghai).toInstant());
        batches.sweep();
        Thread.sleep(2000);
        assertThat(TestMail.to(address)).as("before 08:00 in Shanghai: only the confirmation").hasSize(1);

        clock.set(tomorrow.atTime(LocalTime.of(8, 0, 1)).atZone(shanghai).toInstant());
        batches.sweep();
        MimeMessage digest = TestMail.await(address, 2).get(1);
        assertThat(digest.getSubject()).isEqualTo("[Commitment Tracker] 2 alerts");
        Thread.sleep(2000);
        assertThat(TestMail.to(address)).hasSize(2);
    }

    /** Timers live in memory; the group in the store is what a restart or another replica finds, and sends once. */
    @Test
    void aGroupLeftInTheStoreIsSentByTheSweepWhenDueAndOnlyOnce() throws Exception {
        NotificationApi api = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String address = "swept-" + UUID.randomUUID() + "@example.org";
        String documentId = "doc-" + UUID.randomUUID();
        Instant start = clock.instant();
        clock.set(start);
        String id = api.subscribe("{\"name\":\"hourly\",\"documentIds\":[\"" + documentId + "\"],\"email\":\"" + address
                + "\",\"groupWindow\":\"1h\"}").get("id").asString();
        confirm(TestMail.await(address, 1).get(0));
        NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
        await().atMost(PATIENCE).until(() -> api.get("/api/subscriptions/" + id + "/alerts").size() == 1);
        assertThat(mongo.getCollection("alert_batches").countDocuments(new org.bson.Document("_id", id + "|email"))).isEqualTo(1);

        clock.set(start.plus(Duration.ofMinutes(59)));
        batches.sweep();
        Thread.sleep(1500);
        assertThat(TestMail.to(address)).as("within the window").hasSize(1);
        clock.set(start.plus(Duration.ofMinutes(61)));
        batches.sweep();
        batches.sweep();
        TestMail.await(address, 2);
        await().atMost(PATIENCE).until(() -> mongo.getCollection("alert_batches").countDocuments(new org.bson.Document("_id", id + "|email")) == 0);
        batches.sweep();
        Thread.sleep(1500);
        assertThat(TestMail.to(address)).as("sent once").hasSize(2);
    }

    @Test
    void aSilenceMutesMatchingAlertsWhichAreRecordedAsSuppressedUntilItEnds() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            NotificationApi api = new NotificationApi(port, "journalist-" + UUID.randomUUID());
            String documentId = "doc-" + UUID.randomUUID();
            JsonNode created = api.subscribe("{\"name\":\"all\",\"documentIds\":[\"" + documentId + "\"],\"webhookUrl\":\""
                    + receiver.url("/hook") + "\"}");
            receiver.trust(created.get("secret").asString());
            String id = created.get("id").asString();
            Instant now = clock.instant();
            clock.set(now);
            HttpResponse<String> silenced = api.send("POST", "/api/subscriptions/" + id + "/silences", "{\"until\":\""
                    + now.plus(Duration.ofHours(1)) + "\",\"events\":[\"status.changed\"],\"comment\":\"summit week\"}");
            assertThat(silenced.statusCode()).isEqualTo(201);
            String silenceId = api.json(silenced.body()).get("id").asString();
            assertThat(api.get("/api/subscriptions/" + id + "/silences")).hasSize(1);

            String muted = NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
            await().atMost(PATIENCE).until(() -> api.get("/api/subscriptions/" + id + "/alerts?suppressed=true").size() == 1);
            JsonNode suppressed = api.get("/api/subscriptions/" + id + "/alerts?suppressed=true").get(0);
            assertThat(suppressed.get("eventId").asString()).isEqualTo(muted);
            assertThat(suppressed.get("suppressedBy").asString()).isEqualTo(silenceId);
            assertThat(api.get("/api/subscriptions/" + id + "/alerts")).isEmpty();
            Thread.sleep(1500);
            assertThat(receiver.received()).as("a muted alert goes nowhere").isEmpty();

            clock.set(now.plus(Duration.ofHours(1)).plusSeconds(1)); // the silence has ended
            assertThat(api.get("/api/subscriptions/" + id + "/silences")).isEmpty();
            String heard = NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
            await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
            assertThat(api.get("/api/subscriptions/" + id + "/alerts").get(0).get("eventId").asString()).isEqualTo(heard);
            assertThat(api.send("DELETE", "/api/subscriptions/" + id + "/silences/" + silenceId, null).statusCode())
                    .as("ended already").isEqualTo(404);
        }
    }

    @Test
    void aSilenceCanBeEndedEarly() throws Exception {
        NotificationApi api = new NotificationApi(port, "journalist-" + UUID.randomUUID());
        String id = api.subscribe("{\"name\":\"x\",\"documentIds\":[\"doc-" + UUID.randomUUID() + "\"]}").get("id").asString();
        String silenceId = api.json(api.send("POST", "/api/subscriptions/" + id + "/silences", "{\"until\":\""
                + Instant.now().plus(Duration.ofDays(1)) + "\"}").body()).get("id").asString();
        assertThat(api.send("DELETE", "/api/subscriptions/" + id + "/silences/" + silenceId, null).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/subscriptions/" + id + "/silences")).isEmpty();
        assertThat(api.as("someone-else").send("POST", "/api/subscriptions/" + id + "/silences", "{\"until\":\""
                + Instant.now().plus(Duration.ofDays(1)) + "\"}").statusCode()).as("another's subscription").isEqualTo(404);
    }

    @Test
    void anOverdueCommitmentIsRemindedEveryIntervalUntilItsStatusChanges() throws Exception {
        NotificationApi api = new NotificationApi(port, "ministry-" + UUID.randomUUID());
        String documentId = "doc-" + UUID.randomUUID();
        String commitmentId = "cmt-" + UUID.randomUUID();
        String id = api.subscribe("{\"name\":\"overdue\",\"documentIds\":[\"" + documentId + "\"],\"repeatEvery\":\"1d\"}")
                .get("id").asString();
        NotificationApi.publishStatusChange(commitmentId, documentId, null, "IN_PROGRESS", 1);
        await().atMost(PATIENCE).until(() -> api.get("/api/subscriptions/" + id + "/alerts").size() == 1);
        Instant missedAt = Instant.now();
        NotificationApi.publish(Topics.DEADLINES, UUID.randomUUID(),
                new DeadlineMissed(commitmentId, documentId, "end", LocalDate.now().minusDays(1), "IN_PROGRESS"));
        await().atMost(PATIENCE).until(() -> api.get("/api/subscriptions/" + id + "/alerts").size() == 2);

        clock.set(missedAt.plus(Duration.ofHours(23))); // not yet
        Thread.sleep(2500);
        assertThat(api.get("/api/subscriptions/" + id + "/alerts")).hasSize(2);
        clock.set(missedAt.plus(Duration.ofHours(24)).plusSeconds(30));
        await().atMost(PATIENCE).until(() -> api.get("/api/subscriptions/" + id + "/alerts").size() == 3);
        assertThat(summaries(api, id)).contains("still overdue (reminder 1): deadline missed: end was due " + LocalDate.now().minusDays(1));
        Thread.sleep(2500);
        assertThat(api.get("/api/subscriptions/" + id + "/alerts")).as("once per interval").hasSize(3);
        clock.set(missedAt.plus(Duration.ofHours(48)).plusSeconds(30));
        await().atMost(PATIENCE).until(() -> api.get("/api/subscriptions/" + id + "/alerts").size() == 4);

        NotificationApi.publishStatusChange(commitmentId, documentId, "OVERDUE", "COMPLETED", 3);
        await().atMost(PATIENCE).until(() -> api.get("/api/subscriptions/" + id + "/alerts").size() == 5);
        clock.set(missedAt.plus(Duration.ofHours(72)).plusSeconds(30));
        Thread.sleep(3000);
        assertThat(api.get("/api/subscriptions/" + id + "/alerts")).as("no reminder once completed").hasSize(5);
    }

    @Test
    void badChannelAndPacingSettingsAreProblemsThatSayWhatToFix() throws Exception {
        NotificationApi api = new NotificationApi(port, "careless-" + UUID.randomUUID());
        Map<String, String> refused = Map.of(
                "\"groupWindow\":\"soon\"", "groupWindow: 'soon' is not a duration",
                "\"groupWindow\":\"3h\"", "groupWindow: at most 1h",
                "\"digest\":{\"frequency\":\"hourly\",\"at\":\"08:00\",\"zone\":\"UTC\"}", "not a digest frequency; allowed: daily, weekly",
                "\"digest\":{\"frequency\":\"daily\",\"at\":\"08:00\",\"zone\":\"Mars/Olympus\"}", "digest.zone: 'Mars/Olympus' is not a time zone",
                "\"email\":\"someone at example dot org\"", "is not an e-mail address",
                "\"email\":\"a@example.org\",\"language\":\"fr\"", "language: 'fr' is not supported",
                "\"repeatEvery\":\"5m\"", "repeatEvery: between 1h and 30d");
        for (Map.Entry<String, String> bad : refused.entrySet()) {
            HttpResponse<String> response = api.send("POST", "/api/subscriptions", "{\"name\":\"n\"," + bad.getKey() + "}");
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(api.json(response.body()).get("detail").asString()).as(bad.getKey()).contains(bad.getValue());
        }
        String id = api.subscribe("{\"name\":\"n\"}").get("id").asString();
        for (String silence : List.of("{\"until\":\"2001-01-01T00:00:00Z\"}", "{\"until\":\"tomorrow\"}",
                "{\"until\":\"" + Instant.now().plusSeconds(60) + "\",\"events\":[\"deadline.passed\"]}",
                "{\"until\":\"" + Instant.now().plusSeconds(60) + "\",\"commitmentIdz\":[\"x\"]}")) {
            HttpResponse<String> response = api.send("POST", "/api/subscriptions/" + id + "/silences", silence);
            assertThat(response.statusCode()).as(silence).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    void claimsAndDeletionsHaveTheirUniqueIndexesAndTheSweepsTheirIndexes() {
        assertIndex("alert_batches", "claim", true, "_id", "claim");
        assertIndex("alert_batches", "version", true, "_id", "v");
        assertIndex("alert_batches", "due", false, "items.dueAt");
        assertIndex("overdue_reminders", "count", true, "_id", "count");
        assertIndex("overdue_reminders", "due", false, "dueAt");
        assertIndex("alerts", "subscription", false, "subscriptionId");
    }

    private void assertIndex(String collection, String name, boolean unique, String... fields) {
        IndexInfo index = mongo.indexOps(collection).getIndexInfo().stream().filter(i -> i.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no index " + name + " on " + collection));
        assertThat(index.isUnique()).as(name).isEqualTo(unique);
        assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly(fields);
    }

    private void confirm(MimeMessage confirmation) {
        assertThat(Http.local(port).send("POST", TestMail.link(confirmation, "confirm"), "application/x-www-form-urlencoded", "",
                Map.of()).statusCode()).isEqualTo(200);
    }

    private static List<String> summaries(NotificationApi api, String id) throws Exception {
        return api.get("/api/subscriptions/" + id + "/alerts").valueStream().map(a -> a.get("summary").asString()).toList();
    }
}
