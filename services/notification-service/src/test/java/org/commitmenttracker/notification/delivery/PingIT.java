package org.commitmenttracker.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.commitmenttracker.notification.NotificationApi;
import org.commitmenttracker.notification.WebhookReceiver;
import org.commitmenttracker.notification.WebhookReceiver.Answer;
import org.commitmenttracker.notification.WebhookReceivers;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Pings against the real service and store, to real receivers on 127.0.0.1: answered at once with the delivery
 * id, the result in the delivery log, sent by their own small pool, at most {@code tracker.webhooks.ping.per-owner}
 * (5) per owner and minute, through their own per-host guards.
 */
@UsesTestStack(database = "notification-it")
// An open circuit stays open for the whole test, whatever the machine's pace.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.webhooks.breaker-open-for=10m")
class PingIT {
    @RegisterExtension
    final WebhookReceivers receivers = new WebhookReceivers();

    @LocalServerPort
    int port;
    NotificationApi api;

    @BeforeEach
    void subscriber() {
        api = new NotificationApi(port, "partner-" + UUID.randomUUID());
    }

    @Test
    void aPingIsAnsweredAtOnceWithItsDeliveryIdAndItsResultLandsInTheDeliveryLog() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WebhookReceiver receiver = receivers.open();
        receiver.behave(request -> {
            try {
                release.await(30, TimeUnit.SECONDS); // a receiver that has not answered yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.OK;
        });
        String id = subscribe(receiver).get("id").asString();

        HttpResponse<String> accepted = api.send("POST", "/api/subscriptions/" + id + "/ping", null);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String deliveryId = api.json(accepted.body()).get("deliveryId").asString();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/deliveries/" + deliveryId);
        assertThat(receiver.received()).as("answered before the receiver did").isEmpty();
        assertThat(api.get("/api/deliveries/" + deliveryId).get("attempts")).isEmpty();

        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/deliveries/" + deliveryId).get("state").asString()
                .equalsIgnoreCase("delivered"));
        JsonNode delivery = api.get("/api/deliveries/" + deliveryId);
        assertThat(delivery.get("type").asString()).isEqualTo("ping");
        assertThat(delivery.get("attempts")).hasSize(1);
        assertThat(delivery.get("attempts").get(0).get("status").asInt()).isEqualTo(200);
        assertThat(receiver.received()).singleElement().satisfies(ping -> {
            assertThat(ping.id()).as("webhook-id").isEqualTo(deliveryId);
            assertThat(api.json(ping.body()).get("type").asString()).isEqualTo("ping");
        });
        assertThat(api.as("intruder-" + UUID.randomUUID()).send("GET", "/api/deliveries/" + deliveryId, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void pingIsSignedWithBothSecretsDuringTheGracePeriodOfARotation() throws Exception {
        WebhookReceiver receiver = receivers.open();
        JsonNode created = subscribe(receiver);
        String id = created.get("id").asString();
        assertThat(api.pingDelivered(id)).isTrue();

        String newSecret = api.json(api.send("POST", "/api/subscriptions/" + id + "/rotate-secret", null).body()).get("secret").asString();
        receiver.trust(created.get("secret").asString()); // a receiver not switched over yet
        assertThat(api.pingDelivered(id)).isTrue();
        receiver.trust(newSecret); // one that already switched
        assertThat(api.pingDelivered(id)).isTrue();
        receiver.trust("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])); // a wrong secret
        JsonNode refused = api.ping(id);
        assertThat(refused.get("state").asString()).isEqualToIgnoringCase("dead");
        assertThat(refused.get("attempts").get(0).get("status").asInt()).isEqualTo(401);
    }

    /** Five pings asked for at once to a slow receiver: never more in flight than the ping pool's two threads. */
    @Test
    void pingsAreSentByTheirOwnSmallPool() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        WebhookReceiver receiver = receivers.open();
        receiver.behave(request -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return Answer.OK;
        });
        String id = subscribe(receiver).get("id").asString();

        List<CompletableFuture<HttpResponse<String>>> asked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            asked.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return api.send("POST", "/api/subscriptions/" + id + "/ping", null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<HttpResponse<String>> answer : asked) {
            assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() == 5);
        assertThat(most.get()).isBetween(1, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/deliveries?state=delivered&subscriptionId=" + id).size() == 5);
    }

    @Test
    void aSubscriberPingsAtMostFiveTimesAMinute() throws Exception {
        WebhookReceiver receiver = receivers.open();
        String id = subscribe(receiver).get("id").asString();
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 50_000) {
            Thread.sleep(60_000 - intoMinute + 100); // all six in one window (windows are whole minutes)
        }
        for (int i = 0; i < 5; i++) {
            assertThat(api.send("POST", "/api/subscriptions/" + id + "/ping", null).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> refused = api.send("POST", "/api/subscriptions/" + id + "/ping", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));

        NotificationApi other = api.as("partner-" + UUID.randomUUID());
        JsonNode created = other.subscribe("{\"name\":\"other\",\"commitmentIds\":[\"cmt-none\"],\"webhookUrl\":\"" + receiver.url("/other") + "\"}");
        receiver.trust(created.get("secret").asString());
        assertThat(other.send("POST", "/api/subscriptions/" + created.get("id").asString() + "/ping", null).statusCode())
                .as("per owner").isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() == 6);
    }

    /**
     * Pings pass their own per-host guards: once pings to a host have failed the breaker's minimum of calls
     * (tracker.webhooks.breaker-minimum-calls, 10 here), the next ping to it, whoever asks, is not attempted and
     * says so in its delivery; alerts to that host still go out, since pings touch none of the deliveries' circuits.
     */
    @Test
    void pingsToAFailingHostOpenTheirOwnCircuitAndNotTheDeliveries() throws Exception {
        WebhookReceiver receiver = receivers.open();
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        receiver.behave(request -> failing.get() ? new Answer(500, 0) : Answer.OK);
        for (int owner = 0; owner < 2; owner++) {
            NotificationApi pinger = api.as("pinger-" + UUID.randomUUID());
            List<String> pings = new ArrayList<>();
            String id = subscribe(pinger, receiver, "{\"commitmentIds\":[\"cmt-none\"]").get("id").asString();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> accepted = pinger.send("POST", "/api/subscriptions/" + id + "/ping", null);
                assertThat(accepted.statusCode()).isEqualTo(202);
                pings.add(pinger.json(accepted.body()).get("deliveryId").asString());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> dead(pinger, pings));
        }
        assertThat(receiver.received()).hasSize(10);

        String documentId = "doc-" + UUID.randomUUID();
        String id = subscribe(api, receiver, "{\"documentIds\":[\"" + documentId + "\"]").get("id").asString();
        JsonNode refused = api.ping(id);
        assertThat(refused.get("state").asString()).isEqualToIgnoringCase("dead");
        assertThat(refused.get("attempts")).isEmpty();
        assertThat(refused.get("lastError").asString()).contains("pings to this host failed too often");
        assertThat(receiver.received()).as("the open circuit sent nothing").hasSize(10);

        failing.set(false);
        NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/deliveries?state=delivered&subscriptionId=" + id).size() == 1);
    }

    private static boolean dead(NotificationApi owner, List<String> deliveries) throws Exception {
        for (String delivery : deliveries) {
            if (!owner.get("/api/deliveries/" + delivery).get("state").asString().equalsIgnoreCase("dead")) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode subscribe(NotificationApi owner, WebhookReceiver receiver, String criteria) throws Exception {
        JsonNode created = owner.subscribe(criteria + ",\"name\":\"ping\",\"webhookUrl\":\"" + receiver.url("/" + UUID.randomUUID()) + "\"}");
        receiver.trust(created.get("secret").asString());
        return created;
    }

    private JsonNode subscribe(WebhookReceiver receiver) throws Exception {
        JsonNode created = api.subscribe("{\"name\":\"ping\",\"commitmentIds\":[\"cmt-none\"],\"webhookUrl\":\"" + receiver.url("/") + "\"}");
        receiver.trust(created.get("secret").asString());
        return created;
    }
}
