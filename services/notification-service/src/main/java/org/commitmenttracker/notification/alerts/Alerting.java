package org.commitmenttracker.notification.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.DeadlineApproaching;
import org.commitmenttracker.events.DeadlineMissed;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.notification.delivery.Deliveries;
import org.commitmenttracker.notification.delivery.Delivery;
import org.commitmenttracker.notification.subscriptions.ActiveSubscriptions;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.webhook.WebhookBody;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * What an event does to subscribers: it is matched against the active subscriptions; each match gets an
 * alert in its feed and, if it has a webhook, a delivery. Both are keyed by (event, subscription), so a
 * redelivered event changes nothing.
 */
@Service
public class Alerting implements DisposableBean {
    private final ActiveSubscriptions subscriptions;
    private final AlertLog alerts;
    private final Deliveries deliveries;
    private final MongoTemplate mongo;
    /** Writes an event makes beside the consumer thread's own (feed, facts); bounded by the consumer threads. */
    private final ExecutorService writers = Executors.newFixedThreadPool(6, new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "alert-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    Alerting(ActiveSubscriptions subscriptions, AlertLog alerts, Deliveries deliveries, MongoTemplate mongo) {
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.mongo = mongo;
    }

    public void statusChanged(EventEnvelope<CommitmentStatusChanged> event) {
        // Beside the alerts (matching needs only the event), not before them. The consumer returns, and the
        // offset is committed, only after every write of the event: a crash redoes it, which changes nothing.
        CompletableFuture<Void> facts = CompletableFuture.runAsync(() -> mongo.save(Notices.factsOf(event.data())), writers);
        try {
            alert(Notices.ofStatusChange(event));
        } finally {
            await(facts);
        }
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
        // The feed and the webhooks are independent writes: made side by side, they cost the consumer one
        // round trip of waiting instead of two. A webhook may therefore reach its receiver a moment before
        // the alert shows in the feed.
        CompletableFuture<Void> feedWritten = CompletableFuture.runAsync(() -> alerts.record(feed), writers);
        try {
            deliveries.enqueue(webhooks);
        } finally {
            await(feedWritten);
        }
    }

    /** Waits for a write made beside the consumer's own and rethrows its failure as it was. */
    private static void await(CompletableFuture<Void> write) {
        try {
            write.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    @Override
    public void destroy() {
        writers.shutdown();
    }
}
