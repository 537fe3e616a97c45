package org.commitmenttracker.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.commitmenttracker.events.Topics;
import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.notification.NotificationApi;
import org.commitmenttracker.notification.WebhookReceiver;
import org.commitmenttracker.notification.WebhookReceiver.Answer;
import org.commitmenttracker.notification.WebhookReceivers;
import org.commitmenttracker.notification.WebhookReceiver.Received;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: events on the real broker, the queue in the real store, real HTTP receivers on
 * 127.0.0.1 that verify every signature. Retries here are seconds apart (test configuration).
 */
@UsesTestStack(database = "notification-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookDeliveryIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    @RegisterExtension
    final WebhookReceivers receivers = new WebhookReceivers();
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    NotificationApi api;

    @BeforeEach
    void subscriber() {
        api = new NotificationApi(port, "partner-" + UUID.randomUUID());
    }

    @Autowired
    DeliveryStore store;

    /**
     * A worker that read a delivery while another one was sending it (its lease looked over) must not claim it
     * once it is recorded as delivered: it would send it again and log a second success.
     */
    @Test
    void aDeliveryRecordedAsDeliveredCannotBeClaimedWithTheClaimReadBeforeIt() {
        Instant now = Instant.now();
        Delivery created = Delivery.of("evt-" + UUID.randomUUID(), "owner-claim", "sub-" + UUID.randomUUID(), "cmt-claim",
                "status.changed", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, now).claimedAtCreation(now.plusSeconds(60));
        store.insertNew(List.of(created));
        Delivery readBySweep = store.find(created.id()).orElseThrow();

        List<Settlement> recorded = store.recordAttempts(List.of(new Settlement(created,
                new Attempt(1, now, AttemptOutcome.DELIVERED, 200, 3, null), DeliveryState.DELIVERED, now)));

        assertThat(recorded).hasSize(1);
        assertThat(store.claim(readBySweep.id(), readBySweep.claim(), now.plusSeconds(60))).isEmpty();
        Delivery stored = store.find(created.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(stored.attempts()).hasSize(1);
    }

    @Test
    void everyAlertArrivesSignedOnceAndInOrderThroughTimeoutsAndAnOutage() throws Exception {
        WebhookReceiver receiver = receivers.open();
        String documentId = "doc-" + UUID.randomUUID();
        JsonNode subscription = subscribe(receiver, "{\"name\":\"all of it\",\"documentIds\":[\"" + documentId + "\"],"
                + "\"webhookUrl\":\"" + receiver.url("/hooks") + "\"}");
        String a = "cmt-a-" + UUID.randomUUID();
        String b = "cmt-b-" + UUID.randomUUID();
        AtomicBoolean down = new AtomicBoolean(true);
        // Down: every request fails; those about A by not answering within the attempt timeout (2 s), the rest with 500.
        // (The late answer is a 500 too, so that a receiver deduplicating by webhook-id is not needed to count.)
        receiver.behave(request -> !down.get() ? Answer.OK
                : request.body().contains(a) ? new Answer(500, 3_000) : new Answer(500, 0));

        String[] statuses = {"PLEDGED", "IN_PROGRESS", "STALLED", "IN_PROGRESS"};
        for (int version = 1; version <= statuses.length; version++) {
            NotificationApi.publishStatusChange(a, documentId, version == 1 ? null : statuses[version - 2], statuses[version - 1], version);
            if (version <= 2) {
                NotificationApi.publishStatusChange(b, documentId, version == 1 ? null : statuses[version - 2], statuses[version - 1], version);
            }
        }
        // an outage of a few seconds: retries, a timeout, the circuit opening; each lane waits behind its first message
        await().atMost(PATIENCE).until(() -> receiver.received().stream().filter(r -> r.body().contains(a)).count() >= 1
                && receiver.received().stream().filter(r -> r.body().contains(b)).count() >= 2);
        down.set(false);

        await().atMost(PATIENCE).until(() -> receiver.accepted().size() >= 6);
        Thread.sleep(2_000); // nothing more may come
        List<Received> accepted = receiver.accepted();
        assertThat(receiver.received()).allMatch(Received::signatureValid);
        assertThat(accepted.stream().map(Received::id).distinct()).hasSize(6);
        assertThat(accepted).hasSize(6);
        assertThat(versionsOf(accepted, a)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(versionsOf(accepted, b)).containsExactly(1L, 2L);
        JsonNode body = api.json(accepted.get(0).body());
        assertThat(body.get("type").asString()).isEqualTo("status.changed");
        assertThat(body.get("data").get("eventIds")).hasSize(1);
        assertThat(body.get("data").get("subscriptionId").asString()).isEqualTo(subscription.get("id").asString());

        JsonNode delivered = api.get("/api/deliveries?state=delivered&subscriptionId=" + subscription.get("id").asString());
        assertThat(delivered).hasSize(6);
        JsonNode timedOut = findByVersion(delivered, a, 1);
        JsonNode attempts = timedOut.get("attempts");
        assertThat(attempts.size()).isGreaterThan(1);
        assertThat(attempts.get(0).get("error").asString()).contains("no answer within 2 s");
        assertThat(attempts.get(attempts.size() - 1).get("outcome").asString()).isEqualTo("DELIVERED");
        assertThat(attempts.get(attempts.size() - 1).get("status").asInt()).isEqualTo(200);

        String metrics = org.commitmenttracker.testsupport.Http.local(managementPort).get("/actuator/prometheus").body();
        assertThat(metrics).contains("tracker_webhook_attempts_seconds_count{", "outcome=\"delivered\"",
                "tracker_webhook_deliveries_total{", "resilience4j_circuitbreaker_state{", "resilience4j_bulkhead_available_concurrent_calls{");
    }

    @Test
    void aSlowReceiverDoesNotDelayOtherSubscribers() throws Exception {
        WebhookReceiver slow = receivers.open();
        WebhookReceiver fast = receivers.open();
        slow.behave(request -> new Answer(200, 1_500));
        String documentId = "doc-" + UUID.randomUUID();
        subscribe(slow, "{\"name\":\"slow\",\"documentIds\":[\"" + documentId + "\"],\"webhookUrl\":\"" + slow.url("/") + "\"}");
        subscribe(fast, "{\"name\":\"fast\",\"documentIds\":[\"" + documentId + "\"],\"webhookUrl\":\"" + fast.url("/") + "\"}");
        int events = 40;
        for (int i = 0; i < events; i++) {
            NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
        }
        await().atMost(PATIENCE).until(() -> fast.accepted().size() == events);
        // 40 messages at 1.5 s each, at most 8 at a time: the slow receiver needs 7.5 s or more
        assertThat(slow.accepted().size()).isLessThan(events);
        await().atMost(PATIENCE).until(() -> slow.accepted().size() == events);
    }

    @Test
    void goneDisablesTheSubscriptionAndItsDeadDeliveryCanBeReplayedOnceReEnabled() throws Exception {
        WebhookReceiver receiver = receivers.open();
        receiver.behave(request -> new Answer(410, 0));
        String documentId = "doc-" + UUID.randomUUID();
        String id = subscribe(receiver, "{\"name\":\"gone\",\"documentIds\":[\"" + documentId + "\"],\"webhookUrl\":\""
                + receiver.url("/") + "\"}").get("id").asString();
        NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);

        await().atMost(PATIENCE).until(() -> !api.get("/api/subscriptions/" + id).get("enabled").asBoolean());
        assertThat(api.get("/api/subscriptions/" + id).get("disabledReason").asString()).contains("410");
        await().atMost(PATIENCE).until(() -> api.get("/api/deliveries?state=dead&subscriptionId=" + id).size() == 1);
        JsonNode dead = api.get("/api/deliveries?state=dead&subscriptionId=" + id).get(0);
        assertThat(dead.get("attempts")).hasSize(1);
        assertThat(dead.get("attempts").get(0).get("status").asInt()).isEqualTo(410);

        NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
        Thread.sleep(2_000);
        assertThat(receiver.received()).hasSize(1); // disabled: nothing more is sent

        receiver.behave(request -> Answer.OK);
        assertThat(api.send("PATCH", "/api/subscriptions/" + id, "{\"enabled\":true}").statusCode()).isEqualTo(200);
        assertThat(api.send("POST", "/api/deliveries/" + dead.get("id").asString() + "/replay", null).statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
        assertThat(receiver.accepted().get(0).id()).isEqualTo(dead.get("id").asString());
        assertThat(api.send("POST", "/api/deliveries/" + dead.get("id").asString() + "/replay", null).statusCode()).isEqualTo(409);
        assertThat(api.as("intruder").send("POST", "/api/deliveries/" + dead.get("id").asString() + "/replay", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void everyAttemptCarriesTheTraceOfItsEventAndAPingStartsATraceOfItsOwn() throws Exception {
        WebhookReceiver receiver = receivers.open();
        AtomicBoolean first = new AtomicBoolean(true);
        receiver.behave(request -> first.getAndSet(false) ? new Answer(500, 0) : Answer.OK);
        String documentId = "doc-" + UUID.randomUUID();
        String id = subscribe(receiver, "{\"name\":\"traced\",\"documentIds\":[\"" + documentId + "\"],\"webhookUrl\":\""
                + receiver.url("/") + "\"}").get("id").asString();
        String upload = Traceparent.newRoot();
        String traceId = upload.substring(3, 35);
        NotificationApi.publish(Topics.STATUS_CHANGES, UUID.randomUUID(),
                NotificationApi.statusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1), upload);

        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
        List<Received> attempts = receiver.received();
        assertThat(attempts).hasSize(2); // a 500, then the retry
        String span = attempts.get(0).traceparent();
        assertThat(span).matches("00-" + traceId + "-[0-9a-f]{16}-01").isNotEqualTo(upload); // a child of the event's span
        assertThat(attempts.get(1).traceparent()).isEqualTo(span);
        assertThat(api.get("/api/deliveries?state=delivered&subscriptionId=" + id).get(0).get("traceparent").asString())
                .isEqualTo(span);

        api.ping(id);
        assertThat(receiver.received()).hasSize(3);
        assertThat(receiver.received().get(2).traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain(traceId);
    }

    private JsonNode subscribe(WebhookReceiver receiver, String body) throws Exception {
        JsonNode created = api.subscribe(body);
        receiver.trust(created.get("secret").asString());
        return created;
    }

    private List<Long> versionsOf(List<Received> accepted, String commitmentId) {
        return accepted.stream().map(r -> api.json(r.body()).get("data"))
                .filter(data -> data.get("commitmentId").asString().equals(commitmentId))
                .map(data -> data.get("version").asLong()).toList();
    }

    private static JsonNode findByVersion(JsonNode deliveries, String commitmentId, long version) {
        for (JsonNode delivery : deliveries) {
            if (delivery.get("commitmentId").asString().equals(commitmentId) && delivery.get("body").asString().contains("\"version\":" + version)) {
                return delivery;
            }
        }
        throw new AssertionError("No delivery of version " + version + " of " + commitmentId);
    }
}
