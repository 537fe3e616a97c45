package org.commitmenttracker.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commitmenttracker.events.CommitmentLinked;
import org.commitmenttracker.events.DeadlineApproaching;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.notification.NotificationApi;
import org.commitmenttracker.notification.subscriptions.SubscriptionRequest;
import org.commitmenttracker.notification.subscriptions.SubscriptionRequest.EventRequest;
import org.commitmenttracker.notification.subscriptions.SubscriptionService;
import org.commitmenttracker.service.deadletter.BatchDeadLetters;
import org.commitmenttracker.testsupport.BatchPolls;
import org.commitmenttracker.testsupport.UsesInMemoryStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * {@code alertOnStatusChange}, {@code alertOnDeadline} and {@code alertOnLink} through their batch bindings, without a broker (the test
 * binder; the store in this JVM): a poll as the Kafka binder hands it over (the records in
 * {@link KafkaHeaders#RAW_DATA}) puts an alert in the feed of each matching subscription, and each record that is no
 * event of the binding's topic goes to {@link BatchDeadLetters} with its reason while the rest of the poll is
 * alerted (the dead letters' records and headers are BatchDeadLettersTest's, the broker round trip
 * StatusChangeAlertIT's).
 */
@UsesInMemoryStore(database = "notification-bindings")
@SpringBootTest(properties = {"spring.kafka.admin.auto-create=false", "tracker.webhooks.allow-insecure-loopback=true"})
@EnableTestBinder
class AlertBindingsTest {
    @Autowired
    InputDestination input;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    AlertLog alerts;
    @MockitoBean
    BatchDeadLetters deadLetters;

    private final String owner = "analyst-" + UUID.randomUUID();
    private final String documentId = "doc-" + UUID.randomUUID();
    private final String commitmentId = "cmt-" + UUID.randomUUID();

    @Test
    void alertOnStatusChangeAlertsEachMatchingSubscriptionAndDeadLettersWhatIsNoEvent() {
        String pledges = subscribe(List.of(new EventRequest("status.changed", null, null, Set.of("PLEDGED"))));
        String completions = subscribe(List.of(new EventRequest("status.changed", null, null, Set.of("COMPLETED"))));
        List<ConsumerRecord<String, byte[]>> poll = List.of(
                record(Topics.STATUS_CHANGES, NotificationApi.statusChange(commitmentId, documentId, null, "PLEDGED", 1)),
                record(Topics.STATUS_CHANGES, "{\"specversion\":\"0.3\"}".getBytes(StandardCharsets.UTF_8)),
                record(Topics.STATUS_CHANGES, NotificationApi.statusChange(commitmentId, documentId, "PLEDGED", "IN_PROGRESS", 2)));
        input.send(BatchPolls.of(poll), Topics.STATUS_CHANGES);
        input.send(BatchPolls.of(poll.subList(0, 1)), Topics.STATUS_CHANGES); // redelivered: no second alert

        assertThat(alerts.of(pledges, false, 10)).extracting(Alert::summary).containsExactly("registered as PLEDGED");
        assertThat(alerts.of(completions, false, 10)).isEmpty();
        assertThat(BatchPolls.deadLettered(deadLetters)).containsOnlyKeys(poll.get(1));
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(1))).contains("Unsupported specversion '0.3'");
    }

    @Test
    void alertOnDeadlineAlertsTheSubscriptionsOfThatHorizonAndDeadLettersOtherEvents() {
        String weekAhead = subscribe(List.of(new EventRequest("deadline.approaching", Set.of(7), null, null)));
        String monthAhead = subscribe(List.of(new EventRequest("deadline.approaching", Set.of(30), null, null)));
        // the facts of the commitment come with its status changes
        input.send(BatchPolls.of(List.of(record(Topics.STATUS_CHANGES,
                NotificationApi.statusChange(commitmentId, documentId, null, "PLEDGED", 1)))), Topics.STATUS_CHANGES);
        List<ConsumerRecord<String, byte[]>> poll = List.of(
                record(Topics.DEADLINES, new DeadlineApproaching(commitmentId, documentId, "by the end of June",
                        LocalDate.now().plusDays(7), 7, "PLEDGED")),
                record(Topics.DEADLINES, NotificationApi.statusChange(commitmentId, documentId, "PLEDGED", "STALLED", 2)));
        input.send(BatchPolls.of(poll), Topics.DEADLINES);

        assertThat(alerts.of(weekAhead, false, 10)).extracting(Alert::summary)
                .singleElement().asString().startsWith("deadline approaching: by the end of June due");
        assertThat(alerts.of(monthAhead, false, 10)).isEmpty();
        assertThat(BatchPolls.deadLettered(deadLetters)).containsOnlyKeys(poll.get(1));
        assertThat(BatchPolls.deadLettered(deadLetters).get(poll.get(1))).isEqualTo(
                "Not a deadline event on the deadlines topic: commitment.status-changed.v1");
    }

    @Test
    void alertOnLinkAlertsAPledgeRenewedWithoutProgressOnlyToTheSubscriptionsAskingForIt() {
        String renewals = subscribe(List.of(new EventRequest("renewed.without-progress", null, null, null)));
        String everyKind = subscribe(null);
        input.send(BatchPolls.of(List.of(record(Topics.STATUS_CHANGES,
                NotificationApi.statusChange(commitmentId, documentId, null, "PLEDGED", 1)))), Topics.STATUS_CHANGES);
        List<ConsumerRecord<String, byte[]>> poll = List.of(
                record(Topics.LINKS, linked("cmt-earlier-stuck", true)),
                record(Topics.LINKS, linked("cmt-earlier-started", false)),
                record(Topics.LINKS, NotificationApi.statusChange(commitmentId, documentId, "PLEDGED", "STALLED", 2)));
        input.send(BatchPolls.of(poll), Topics.LINKS);

        assertThat(alerts.of(renewals, false, 10)).extracting(Alert::summary).containsExactly(
                "renewed without progress: renews cmt-earlier-stuck of doc-earlier, which made no progress");
        assertThat(alerts.of(everyKind, false, 10)).extracting(Alert::summary).containsExactly("registered as PLEDGED");
        assertThat(BatchPolls.deadLettered(deadLetters)).containsOnlyKeys(poll.get(2));
    }

    @Test
    void aLinkWhoseWebhookBodyCannotBeBuiltIsDeadLetteredAndTheRestOfThePollAlerted() {
        String webhook = subscriptions.create(owner, new SubscriptionRequest("hooked " + UUID.randomUUID(), null,
                Set.of(documentId), null, null, null, null, null, null,
                List.of(new EventRequest("renewed.without-progress", null, null, null)), null, "http://127.0.0.1:9/hook",
                null, null, null, null, null, null)).subscription().id();
        List<ConsumerRecord<String, byte[]>> poll = List.of(
                record(Topics.LINKS, linked("cmt-earlier-huge", "doc-" + "x".repeat(30_000), true)),
                record(Topics.LINKS, linked("cmt-earlier-stuck", true)));
        input.send(BatchPolls.of(poll), Topics.LINKS);

        assertThat(alerts.of(webhook, false, 10)).extracting(Alert::summary).containsExactly(
                "renewed without progress: renews cmt-earlier-stuck of doc-earlier, which made no progress");
        assertThat(BatchPolls.deadLettered(deadLetters)).containsOnlyKeys(poll.get(0));
    }

    private CommitmentLinked linked(String earlier, boolean earlierWithoutProgress) {
        return linked(earlier, "doc-earlier", earlierWithoutProgress);
    }

    private CommitmentLinked linked(String earlier, String earlierDocument, boolean earlierWithoutProgress) {
        return new CommitmentLinked(commitmentId, documentId, earlier, earlierDocument, "renews", 0.7, "1.6.0",
                java.time.Instant.now(), earlierWithoutProgress);
    }

    private String subscribe(List<EventRequest> events) {
        return subscriptions.create(owner, new SubscriptionRequest("alerts " + UUID.randomUUID(), null, Set.of(documentId),
                null, null, null, null, null, null, events, null, null, null, null, null, null, null, null))
                .subscription().id();
    }

    private ConsumerRecord<String, byte[]> record(String topic, EventData event) {
        return record(topic, NotificationApi.event(UUID.randomUUID(), event, null));
    }

    private ConsumerRecord<String, byte[]> record(String topic, byte[] value) {
        return new ConsumerRecord<>(topic, 0, 0, commitmentId, value);
    }
}
