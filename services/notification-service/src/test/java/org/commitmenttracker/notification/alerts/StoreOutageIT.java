package org.commitmenttracker.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.commitmenttracker.notification.NotificationApi;
import org.commitmenttracker.notification.NotificationApplication;
import org.commitmenttracker.notification.WebhookReceiver;
import org.commitmenttracker.notification.WebhookReceiver.Received;
import org.commitmenttracker.testsupport.StoreLink;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * Status changes consumed while the store is out of reach are alerted once it is back: the poll is redelivered
 * until the store answers instead of going to the dead-letter topic (which would drop its alerts for good). The
 * service reaches the real store through a {@link StoreLink} the test cuts for longer than a binding's usual
 * retries (4 attempts, 0.5 → 2 s apart) would last; own application instance, database and consumer group.
 */
@UsesTestStack(database = "notification-outage-it")
class StoreOutageIT {
    private static final String DATABASE = "notification-outage-it";

    @Test
    void statusChangesConsumedWhileTheStoreIsAwayAreAlertedWhenItIsBack() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(); StoreLink link = new StoreLink(TestStack.get().mongoUri(DATABASE));
             ConfigurableApplicationContext service = start(link)) {
            String documentId = "doc-" + UUID.randomUUID();
            String commitmentId = "cmt-" + UUID.randomUUID();
            NotificationApi api = new NotificationApi(((WebServerApplicationContext) service).getWebServer().getPort(),
                    "partner-" + UUID.randomUUID());
            JsonNode created = api.subscribe("{\"name\":\"outage\",\"documentIds\":[\"" + documentId + "\"],\"webhookUrl\":\""
                    + receiver.url("/") + "\"}");
            receiver.trust(created.get("secret").asString());
            NotificationApi.publishStatusChange(commitmentId, documentId, null, "PLEDGED", 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= 1);

            link.cut();
            NotificationApi.publishStatusChange(commitmentId, documentId, "PLEDGED", "IN_PROGRESS", 2);
            NotificationApi.publishStatusChange(commitmentId, documentId, "IN_PROGRESS", "STALLED", 3);
            Thread.sleep(15_000); // the outage: longer than the consumer's retries of a poll
            link.restore();

            // A message sent just before the cut may come again (its attempt could not be recorded): receivers
            // deduplicate on webhook-id, so it is the distinct messages that count.
            await().atMost(Duration.ofSeconds(120)).until(() -> receiver.accepted().stream().map(Received::id).distinct().count() >= 3);
            Thread.sleep(2_000); // nothing more may come
            assertThat(receiver.accepted().stream().map(Received::id).distinct()).hasSize(3);
            assertThat(receiver.accepted().stream().map(r -> api.json(r.body()).get("data").get("version").asLong()).distinct())
                    .containsExactly(1L, 2L, 3L);
        }
    }

    private static ConfigurableApplicationContext start(StoreLink link) {
        return new SpringApplicationBuilder(NotificationApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=" + link.mongoUri(DATABASE),
                "--spring.cloud.stream.bindings.alertOnStatusChange-in-0.group=" + DATABASE,
                "--spring.cloud.stream.bindings.alertOnDeadline-in-0.group=" + DATABASE);
    }
}
