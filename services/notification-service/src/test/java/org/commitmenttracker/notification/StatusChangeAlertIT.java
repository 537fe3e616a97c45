package org.commitmenttracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.commitmenttracker.events.CommitmentLinked;
import org.commitmenttracker.events.DeadlineApproaching;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.testsupport.TopicReader;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Against the real broker and store: an event becomes one alert per matching subscription, also when redelivered. */
@UsesTestStack(database = "notification-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatusChangeAlertIT {
    @LocalServerPort
    int port;

    @Test
    void recordsOneAlertPerMatchingSubscriptionEvenWhenRedelivered() throws Exception {
        NotificationApi api = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String documentId = "doc-" + UUID.randomUUID();
        String matching = api.subscribe("{\"name\":\"pledges\",\"documentIds\":[\"" + documentId + "\"],\"statuses\":[\"PLEDGED\"]}")
                .get("id").asString();
        String other = api.subscribe("{\"name\":\"done\",\"documentIds\":[\"" + documentId + "\"],\"statuses\":[\"COMPLETED\"]}")
                .get("id").asString();

        String commitmentId = "cmt-" + UUID.randomUUID();
        NotificationApi.publishStatusChange(commitmentId, documentId, null, "PLEDGED", 1);
        NotificationApi.publishStatusChange(commitmentId, documentId, null, "PLEDGED", 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/subscriptions/" + matching + "/alerts").size() == 1);
        Thread.sleep(1000); // give the redelivered copy time to arrive
        assertThat(api.get("/api/subscriptions/" + matching + "/alerts")).hasSize(1);
        assertThat(api.get("/api/subscriptions/" + matching + "/alerts").get(0).get("summary").asString())
                .isEqualTo("registered as PLEDGED");
        assertThat(api.get("/api/subscriptions/" + other + "/alerts")).isEmpty();
    }

    @Test
    void anInvalidRecordGoesAloneToTheDeadLetterTopicWithItsReasonAndTheRecordsAroundItAreAlerted() throws Exception {
        NotificationApi api = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String documentId = "doc-" + UUID.randomUUID();
        String subscription = api.subscribe("{\"name\":\"all\",\"documentIds\":[\"" + documentId + "\"]}").get("id").asString();
        String commitmentId = "cmt-" + UUID.randomUUID();
        byte[] invalid = ("{\"specversion\":\"0.3\",\"subject\":\"" + commitmentId + "\"}").getBytes(StandardCharsets.UTF_8);
        // one producer, one partition, back to back: the consumer gets them in one poll (batch mode)
        TopicReader.write(Topics.STATUS_CHANGES, List.of(
                record(commitmentId, NotificationApi.event(UUID.randomUUID(),
                        NotificationApi.statusChange(commitmentId, documentId, null, "PLEDGED", 1), null)),
                record(commitmentId, invalid),
                record(commitmentId, NotificationApi.event(UUID.randomUUID(),
                        NotificationApi.statusChange(commitmentId, documentId, "PLEDGED", "IN_PROGRESS", 2), null))));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/subscriptions/" + subscription + "/alerts").size() == 2);
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil("status-changes.notification.dlq",
                        records -> records.stream().anyMatch(r -> commitmentId.equals(r.key())), Duration.ofSeconds(30), Duration.ofSeconds(2))
                .stream().filter(r -> commitmentId.equals(r.key())).toList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(invalid);
        assertThat(header(dead.get(0), "x-exception-message")).contains("Unsupported specversion '0.3'");
        assertThat(header(dead.get(0), "x-original-topic")).isEqualTo(Topics.STATUS_CHANGES);
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(Topics.STATUS_CHANGES, 0, 0, key, value);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void deadlineEventsAreMatchedWithTheFactsOfEarlierStatusChanges() throws Exception {
        NotificationApi api = new NotificationApi(port, "ministry-" + UUID.randomUUID());
        String documentId = "doc-" + UUID.randomUUID();
        String commitmentId = "cmt-" + UUID.randomUUID();
        String soon = api.subscribe("{\"name\":\"a week ahead\",\"documentIds\":[\"" + documentId + "\"],\"parties\":[\"RU\"],"
                + "\"events\":[{\"kind\":\"deadline.approaching\",\"horizons\":[7]}]}").get("id").asString();
        String later = api.subscribe("{\"name\":\"a month ahead\",\"documentIds\":[\"" + documentId + "\"],"
                + "\"events\":[{\"kind\":\"deadline.approaching\",\"horizons\":[30]}]}").get("id").asString();

        String watcher = api.subscribe("{\"name\":\"changes\",\"documentIds\":[\"" + documentId + "\"],"
                + "\"events\":[{\"kind\":\"status.changed\"}]}").get("id").asString();
        NotificationApi.publishStatusChange(commitmentId, documentId, null, "PLEDGED", 1);
        // the two topics are consumed independently: the facts must be in before the deadline comes
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/subscriptions/" + watcher + "/alerts").size() == 1);
        NotificationApi.publish(Topics.DEADLINES, UUID.randomUUID(),
                new DeadlineApproaching(commitmentId, documentId, "end", java.time.LocalDate.now().plusDays(7), 7, "PLEDGED"));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/subscriptions/" + soon + "/alerts").size() == 1);
        assertThat(api.get("/api/subscriptions/" + soon + "/alerts").get(0).get("summary").asString())
                .startsWith("deadline approaching: end due");
        assertThat(api.get("/api/subscriptions/" + later + "/alerts")).isEmpty();
    }

    @Test
    void aPledgeRenewedWithoutProgressIsAlertedToTheSubscriptionsThatAskForIt() throws Exception {
        NotificationApi api = new NotificationApi(port, "analyst-" + UUID.randomUUID());
        String documentId = "doc-" + UUID.randomUUID();
        String asking = api.subscribe("{\"name\":\"renewed, stuck\",\"documentIds\":[\"" + documentId + "\"],\"parties\":[\"RU\"],"
                + "\"events\":[{\"kind\":\"renewed.without-progress\"}]}").get("id").asString();
        String otherParty = api.subscribe("{\"name\":\"renewed, stuck, India\",\"documentIds\":[\"" + documentId + "\"],"
                + "\"parties\":[\"IN\"],\"events\":[{\"kind\":\"renewed.without-progress\"}]}").get("id").asString();
        String everyKind = api.subscribe("{\"name\":\"everything\",\"documentIds\":[\"" + documentId + "\"]}").get("id").asString();
        String renewed = "cmt-" + UUID.randomUUID();
        String progressed = "cmt-" + UUID.randomUUID();
        NotificationApi.publishStatusChange(renewed, documentId, null, "PLEDGED", 1);
        NotificationApi.publishStatusChange(progressed, documentId, null, "PLEDGED", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/subscriptions/" + everyKind + "/alerts").size() == 2);

        NotificationApi.publish(Topics.LINKS, UUID.randomUUID(), link(renewed, documentId, "cmt-earlier-stuck", true));
        NotificationApi.publish(Topics.LINKS, UUID.randomUUID(), link(progressed, documentId, "cmt-earlier-done", false));
        NotificationApi.publish(Topics.LINKS, UUID.randomUUID(), link(progressed, documentId, "cmt-earlier-unknown", null));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/subscriptions/" + asking + "/alerts").size() == 1);
        var alert = api.get("/api/subscriptions/" + asking + "/alerts").get(0);
        assertThat(alert.get("commitmentId").asString()).isEqualTo(renewed);
        assertThat(alert.get("summary").asString())
                .isEqualTo("renewed without progress: renews cmt-earlier-stuck of doc-earlier, which made no progress");
        Thread.sleep(1000); // the links that made progress, or do not say, come in the same poll or the next
        assertThat(api.get("/api/subscriptions/" + asking + "/alerts")).hasSize(1);
        assertThat(api.get("/api/subscriptions/" + otherParty + "/alerts")).isEmpty();
        assertThat(api.get("/api/subscriptions/" + everyKind + "/alerts")).as("asked only: not sent unasked").hasSize(2);
    }

    private static CommitmentLinked link(String later, String documentId, String earlier, Boolean earlierWithoutProgress) {
        return new CommitmentLinked(later, documentId, earlier, "doc-earlier", "renews", 0.7, "1.5.0",
                java.time.Instant.now(), earlierWithoutProgress);
    }
}
