package org.commitmenttracker.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
 * The service stopped while deliveries wait for their next retry, and started again on the same database:
 * everything still arrives, once, in order. Runs its own application instances (database and consumer group
 * of their own), so no other test's instance can finish the work in between.
 */
@UsesTestStack(database = "notification-restart-it")
class WebhookRestartIT {
    private static final String DATABASE = "notification-restart-it";

    @Test
    void aRestartInTheMiddleOfRetriesLosesNothing() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.behave(request -> new Answer(500, 0));
            String documentId = "doc-" + UUID.randomUUID();
            String commitmentId = "cmt-" + UUID.randomUUID();
            String subscriber = "partner-" + UUID.randomUUID();
            String subscriptionId;

            try (ConfigurableApplicationContext first = start()) {
                NotificationApi api = new NotificationApi(port(first), subscriber);
                JsonNode created = api.subscribe("{\"name\":\"restart\",\"documentIds\":[\"" + documentId
                        + "\"],\"webhookUrl\":\"" + receiver.url("/") + "\"}");
                receiver.trust(created.get("secret").asString());
                subscriptionId = created.get("id").asString();
                NotificationApi.publishStatusChange(commitmentId, documentId, null, "PLEDGED", 1);
                NotificationApi.publishStatusChange(commitmentId, documentId, "PLEDGED", "IN_PROGRESS", 2);
                NotificationApi.publishStatusChange(commitmentId, documentId, "IN_PROGRESS", "COMPLETED", 3);
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= 2);
            }
            assertThat(receiver.accepted()).isEmpty();
            receiver.behave(request -> Answer.OK);

            try (ConfigurableApplicationContext second = start()) {
                NotificationApi api = new NotificationApi(port(second), subscriber);
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= 3);
                Thread.sleep(1_500);
                List<Long> versions = receiver.accepted().stream()
                        .map(r -> api.json(r.body()).get("data").get("version").asLong()).toList();
                assertThat(versions).containsExactly(1L, 2L, 3L);
                JsonNode delivered = api.get("/api/deliveries?state=delivered&subscriptionId=" + subscriptionId);
                assertThat(delivered).hasSize(3);
                JsonNode attempts = delivered.get(0).get("attempts");
                assertThat(attempts.size()).isGreaterThanOrEqualTo(3);
                assertThat(attempts.get(0).get("status").asInt()).isEqualTo(500);
                assertThat(attempts.get(attempts.size() - 1).get("status").asInt()).isEqualTo(200);
            }
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(NotificationApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=" + TestStack.get().mongoUri(DATABASE),
                "--spring.cloud.stream.bindings.alertOnStatusChange-in-0.group=" + DATABASE,
                "--spring.cloud.stream.bindings.alertOnDeadline-in-0.group=" + DATABASE);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
