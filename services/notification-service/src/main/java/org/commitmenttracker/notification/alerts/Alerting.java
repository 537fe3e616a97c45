package org.commitmenttracker.notification.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.DeadlineApproaching;
import org.commitmenttracker.events.DeadlineMissed;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.notification.delivery.Deliveries;
import org.commitmenttracker.notification.delivery.Delivery;
import org.commitmenttracker.notification.subscriptions.ActiveSubscriptions;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.webhook.WebhookBody;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * What an event does to subscribers: it is matched against the active subscriptions; each match gets an
 * alert in its feed and, if it has a webhook, a delivery. Both are keyed by (event, subscription), so a
 * redelivered event changes nothing.
 */
@Service
public class Alerting {
    private final ActiveSubscriptions subscriptions;
    private final AlertLog alerts;
    private final Deliveries deliveries;
    private final MongoTemplate mongo;

    Alerting(ActiveSubscriptions subscriptions, AlertLog alerts, Deliveries deliveries, MongoTemplate mongo) {
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.mongo = mongo;
    }

    public void statusChanged(EventEnvelope<CommitmentStatusChanged> event) {
        mongo.save(Notices.factsOf(event.data()));
        alert(Notices.ofStatusChange(event));
    }

    public void deadlineApproaching(EventEnvelope<DeadlineApproaching> event) {
        alert(Notices.ofApproaching(event, factsOf(event.data().commitmentId())));
    }

    public void deadlineMissed(EventEnvelope<DeadlineMissed> event) {
        alert(Notices.ofMissed(event, factsOf(event.data().commitmentId())));
    }

    private CommitmentFacts factsOf(String commitmentId) {
        return mongo.findById(commitmentId, CommitmentFacts.class);
    }

    private void alert(Notice notice) {
        List<Subscription> matched = subscriptions.matching(notice.occurrence());
        if (matched.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String commitmentId = notice.occurrence().commitmentId();
        List<Alert> feed = new ArrayList<>(matched.size());
        List<Delivery> webhooks = new ArrayList<>();
        for (Subscription subscription : matched) {
            feed.add(new Alert(Alert.idOf(notice.eventId(), subscription.id()), subscription.id(), notice.eventId(),
                    notice.eventType(), commitmentId, notice.occurrence().documentId(), notice.summary(),
                    notice.occurredAt(), now));
            if (subscription.webhook() != null) {
                Map<String, Object> data = new LinkedHashMap<>(notice.data());
                data.put("subscriptionId", subscription.id());
                String type = notice.occurrence().kind().wireName();
                webhooks.add(Delivery.of(notice.eventId(), subscription.owner(), subscription.id(), commitmentId, type,
                        WebhookBody.of(type, notice.occurredAt(), data), now));
            }
        }
        alerts.record(feed);
        deliveries.enqueue(webhooks);
    }
}
