package org.commitmenttracker.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.commitmenttracker.notification.NotificationApi;
import org.commitmenttracker.notification.NotificationApplication;
import org.commitmenttracker.notification.WebhookReceiver;
import org.commitmenttracker.notification.WebhookReceiver.Answer;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * Late, not lost, and not later than the faults make it: each test runs its own application instance (database and
 * consumer group of its own) with the delivery settings it is about.
 */
@UsesTestStack(database = "notification-faults-it")
class DeliveryAfterFaultsIT {
    private static final String DATABASE = "notification-faults-it";
    /** A hang guard, generous for a machine shared with other builds; far below the 10 min retry step. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /**
     * Claims are short leases renewed while their replica works on them: a receiver slower than the lease gets each
     * message once, because the live replica keeps its claim and no sweep takes the delivery from it. (With a lease
     * only an attempt's own length protected, the sweep would claim the delivery again as soon as the lease ran out
     * and send it a second time.) A 2 s lease, a sweep every second, a receiver answering after 4 s.
     */
    @Test
    void aReceiverSlowerThanTheLeaseGetsEachMessageOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(); ConfigurableApplicationContext service = start("slow",
                "--tracker.webhooks.lease=2s", "--tracker.webhooks.attempt-timeout=6s")) {
            receiver.behave(request -> new Answer(200, 4_000));
            NotificationApi api = api(service);
            String documentId = "doc-" + UUID.randomUUID();
            String subscriptionId = subscribe(api, receiver, documentId);
            String commitmentId = "cmt-" + UUID.randomUUID();

            NotificationApi.publishStatusChange(commitmentId, documentId, null, "PLEDGED", 1);
            NotificationApi.publishStatusChange(commitmentId, documentId, "PLEDGED", "IN_PROGRESS", 2);
            await().atMost(PATIENCE).until(() -> delivered(api, subscriptionId).size() == 2);
            Thread.sleep(4_000); // two leases and four sweeps: a delivery taken from its live holder would be sent again now

            assertThat(receiver.received()).hasSize(2);
            assertThat(receiver.received().stream().map(WebhookReceiver.Received::id).distinct()).hasSize(2);
            for (JsonNode delivery : delivered(api, subscriptionId)) {
                assertThat(delivery.get("attempts")).hasSize(1);
            }
        }
    }

    /**
     * Retries scheduled while a receiver was down do not wait for the schedule's next step once it answers again:
     * here that step is 10 min away, and the test's patience (a hang guard, 3 min) far shorter. The first message of one
     * commitment fails twice; then the receiver is back, and a message about another commitment gets through: the
     * waiting retry goes out at once.
     */
    @Test
    void retriesWaitingForAReceiverGoOutOnceItAnswersAgain() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(); ConfigurableApplicationContext service = start("recovery",
                "--tracker.webhooks.retry-delays=1s,10m,10m", "--tracker.webhooks.retry-jitter=0")) {
            AtomicBoolean down = new AtomicBoolean(true);
            receiver.behave(request -> down.get() ? new Answer(500, 0) : Answer.OK);
            NotificationApi api = api(service);
            String documentId = "doc-" + UUID.randomUUID();
            String subscriptionId = subscribe(api, receiver, documentId);
            String failed = "cmt-" + UUID.randomUUID();

            NotificationApi.publishStatusChange(failed, documentId, null, "PLEDGED", 1);
            await().atMost(PATIENCE).until(() -> receiver.received().size() >= 2); // first try and the 1 s retry
            down.set(false);
            NotificationApi.publishStatusChange("cmt-" + UUID.randomUUID(), documentId, null, "PLEDGED", 1);

            await().atMost(PATIENCE).until(() -> delivered(api, subscriptionId).size() == 2);
            List<String> bodies = new ArrayList<>(receiver.accepted().stream().map(WebhookReceiver.Received::body).toList());
            assertThat(bodies).hasSize(2).anyMatch(body -> body.contains(failed));
            JsonNode retried = null;
            for (JsonNode delivery : delivered(api, subscriptionId)) {
                if (delivery.toString().contains(failed)) {
                    retried = delivery;
                }
            }
            assertThat(retried).isNotNull();
            assertThat(retried.get("attempts")).hasSize(3);
        }
    }

    private static JsonNode delivered(NotificationApi api, String subscriptionId) throws Exception {
        return api.get("/api/deliveries?state=delivered&subscriptionId=" + subscriptionId);
    }

    private static String subscribe(NotificationApi api, WebhookReceiver receiver, String documentId) throws Exception {
        JsonNode created = api.subscribe("{\"name\":\"faults\",\"documentIds\":[\"" + documentId + "\"],\"webhookUrl\":\""
                + receiver.url("/") + "\"}");
        receiver.trust(created.get("secret").asString());
        return created.get("id").asString();
    }

    private static NotificationApi api(ConfigurableApplicationContext service) {
        return new NotificationApi(((WebServerApplicationContext) service).getWebServer().getPort(), "partner-" + UUID.randomUUID());
    }

    /** An instance of its own: database and consumer group named after the test, so no other instance shares its work. */
    private static ConfigurableApplicationContext start(String name, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=" + TestStack.get().mongoUri(DATABASE + "-" + name),
                "--spring.cloud.stream.bindings.alertOnStatusChange-in-0.group=" + DATABASE + "-" + name,
                "--spring.cloud.stream.bindings.alertOnDeadline-in-0.group=" + DATABASE + "-" + name,
                "--tracker.webhooks.sweep-interval=1s"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(NotificationApplication.class).run(args.toArray(String[]::new));
    }
}
