package org.commitmenttracker.notification.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.commitmenttracker.events.CommitmentLinked;
import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.DeadlineApproaching;
import org.commitmenttracker.events.DeadlineMissed;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.InvalidEventException;
import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.notification.batching.BatchStore;
import org.commitmenttracker.notification.batching.Batches;
import org.commitmenttracker.notification.batching.Channel;
import org.commitmenttracker.notification.delivery.Deliveries;
import org.commitmenttracker.notification.delivery.Delivery;
import org.commitmenttracker.notification.noise.BatchItem;
import org.commitmenttracker.notification.noise.OverdueRepeat;
import org.commitmenttracker.notification.noise.Silence;
import org.commitmenttracker.notification.subscriptions.ActiveSubscriptions;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.notification.webhook.WebhookBody;
import org.commitmenttracker.service.deadletter.BatchDeadLetters;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * What events do to subscribers, one poll of records at a time: each event is matched against the active
 * subscriptions; each match gets an alert in its feed and, if it has a webhook, a delivery. Both are keyed by
 * (event, subscription), so a redelivered event changes nothing. The whole poll is stored in a few bulk writes
 * (deliveries and their lanes, alerts, commitment facts), and the consumer returns, so that the offsets are
 * committed, only after all of them. A record that cannot be handled (not a valid event, a body that cannot be
 * built) is dead-lettered with the reason and the rest of the poll is stored ({@link BatchDeadLetters}).
 * <p>Noise control is decided per subscription in memory: an alert a silence mutes is recorded as suppressed and
 * goes nowhere; a subscription whose pacing is immediate gets its webhook delivery as before (no extra write);
 * grouped and digest alerts, and every e-mail, join the subscription's {@link Batches}; an alert making a
 * commitment overdue starts the subscription's {@link OverdueReminders} when it asked for repeats.
 */
@Service
public class Alerting implements DisposableBean {
    private final ActiveSubscriptions subscriptions;
    private final AlertLog alerts;
    private final Deliveries deliveries;
    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final Batches batches;
    private final OverdueReminders reminders;
    private final Clock clock;
    private final BatchDeadLetters deadLetters;
    /** Writes a poll makes beside the consumer thread's own (feed, facts); bounded by the consumer threads. */
    private final ExecutorService writers = Executors.newFixedThreadPool(12, new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "alert-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    Alerting(ActiveSubscriptions subscriptions, AlertLog alerts, Deliveries deliveries, MongoTemplate mongo, EventCodec codec,
             Batches batches, OverdueReminders reminders, Clock clock, BatchDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.batches = batches;
        this.reminders = reminders;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.mongo = mongo;
        this.codec = codec;
    }

    /** One poll of {@code status-changes}; each also updates the facts kept of its commitment. */
    public void statusChanges(List<ConsumerRecord<?, ?>> records) {
        Instant now = clock.instant();
        List<Matched> matched = eachOrDeadLetter(records, record -> record,
                record -> match(Notices.ofStatusChange(codec.decode(value(record), CommitmentStatusChanged.class)), now));
        Map<String, CommitmentFacts> facts = new LinkedHashMap<>();
        matched.forEach(m -> facts.put(m.notice().occurrence().commitmentId(),
                CommitmentFacts.of(m.notice().occurrence(), m.notice().occurredAt())));
        // Beside the alerts (matching needs only the events), not before them: a crash before the offsets are
        // committed redoes the poll, which changes nothing.
        CompletableFuture<Void> factsWritten = CompletableFuture.runAsync(() -> saveFacts(facts.values()), writers);
        try {
            store(matched);
        } finally {
            await(factsWritten);
        }
    }

    /** One poll of {@code deadlines}: matched with the facts the status changes brought of their commitments. */
    public void deadlines(List<ConsumerRecord<?, ?>> records) {
        Instant now = clock.instant();
        List<Decoded> events = eachOrDeadLetter(records, record -> record, record -> new Decoded(record, decodeDeadline(value(record))));
        Map<String, CommitmentFacts> facts = factsOf(events.stream().map(decoded -> decoded.event().data().subject()).distinct().toList());
        store(eachOrDeadLetter(events, Decoded::record, decoded -> match(noticeOfDeadline(decoded.event(), facts), now)));
    }

    /**
     * One poll of {@code commitment-links}: a link that renews a pledge whose chain made no progress is alerted on
     * its later commitment, matched with the facts the status changes brought of it; other links alert nobody.
     */
    public void links(List<ConsumerRecord<?, ?>> records) {
        Instant now = clock.instant();
        List<DecodedLink> renewals = eachOrDeadLetter(records, record -> record,
                record -> new DecodedLink(record, codec.decode(value(record), CommitmentLinked.class))).stream()
                .filter(decoded -> Boolean.TRUE.equals(decoded.link().data().earlierWithoutProgress())).toList();
        if (renewals.isEmpty()) {
            return;
        }
        Map<String, CommitmentFacts> facts = factsOf(renewals.stream().map(decoded -> decoded.link().data().commitmentId())
                .distinct().toList());
        // Per record, like the other kinds: one link whose alert cannot be built is dead-lettered, not the poll redone.
        store(eachOrDeadLetter(renewals, DecodedLink::record, decoded -> match(Notices.ofRenewalWithoutProgress(
                decoded.link(), facts.get(decoded.link().data().commitmentId())), now)));
    }

    /** A deadline record and its event. */
    private record Decoded(ConsumerRecord<?, ?> record, EventEnvelope<? extends EventData> event) {
    }

    /** A link record and its event. */
    private record DecodedLink(ConsumerRecord<?, ?> record, EventEnvelope<CommitmentLinked> link) {
    }

    /**
     * {@code step} done for each of a poll's {@code items}, in order. These steps work in memory, so one that fails
     * (not a valid event, a body that cannot be built) fails for its record alone: that record is dead-lettered with
     * the reason and the others go on. (A failing store fails the whole poll, which comes again.)
     */
    private <S, T> List<T> eachOrDeadLetter(List<S> items, Function<S, ConsumerRecord<?, ?>> recordOf, Function<S, T> step) {
        List<T> results = new ArrayList<>(items.size());
        for (S item : items) {
            try {
                results.add(step.apply(item));
            } catch (RuntimeException refused) {
                deadLetters.send(recordOf.apply(item), refused);
            }
        }
        return results;
    }

    private static byte[] value(ConsumerRecord<?, ?> record) {
        return (byte[]) record.value();
    }

    private EventEnvelope<? extends EventData> decodeDeadline(byte[] record) {
        EventEnvelope<? extends EventData> event = codec.decode(record);
        if (!(event.data() instanceof DeadlineApproaching) && !(event.data() instanceof DeadlineMissed)) {
            throw new InvalidEventException("Not a deadline event on the deadlines topic: " + event.type());
        }
        return event;
    }

    @SuppressWarnings("unchecked")
    private static Notice noticeOfDeadline(EventEnvelope<? extends EventData> event, Map<String, CommitmentFacts> facts) {
        CommitmentFacts known = facts.get(event.data().subject());
        return event.data() instanceof DeadlineApproaching
                ? Notices.ofApproaching((EventEnvelope<DeadlineApproaching>) event, known)
                : Notices.ofMissed((EventEnvelope<DeadlineMissed>) event, known);
    }

    private Map<String, CommitmentFacts> factsOf(List<String> commitmentIds) {
        Map<String, CommitmentFacts> facts = new LinkedHashMap<>();
        if (!commitmentIds.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(commitmentIds)), CommitmentFacts.class)
                    .forEach(known -> facts.put(known.commitmentId(), known));
        }
        return facts;
    }

    private void saveFacts(Collection<CommitmentFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CommitmentFacts.class);
        facts.forEach(known -> bulk.replaceOne(Query.query(Criteria.where("_id").is(known.commitmentId())), known,
                FindAndReplaceOptions.options().upsert()));
        bulk.execute();
    }

    /** An event's alerts, immediate webhook deliveries, batched alerts and reminders to start, for its subscriptions. */
    private record Matched(Notice notice, List<Alert> feed, List<Delivery> webhooks, List<BatchStore.Append> batched,
                           List<OverdueReminders.Start> reminders) {
    }

    private Matched match(Notice notice, Instant now) {
        List<Subscription> matched = subscriptions.matching(notice.occurrence());
        Matched routed = new Matched(notice, new ArrayList<>(matched.size()), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Subscription subscription : matched) {
            route(notice, subscription, now, true, routed);
        }
        return routed;
    }

    /** Where one alert goes for one subscription; {@code remind}: whether it may start reminders (not itself one). */
    private static void route(Notice notice, Subscription subscription, Instant now, boolean remind, Matched routed) {
        String commitmentId = notice.occurrence().commitmentId();
        String alertId = Alert.idOf(notice.eventId(), subscription.id());
        String mutedBy = subscription.mutedBy(notice.occurrence(), now).map(Silence::id).orElse(null);
        routed.feed().add(new Alert(alertId, subscription.id(), notice.eventId(), notice.eventType(), commitmentId,
                notice.occurrence().documentId(), notice.summary(), notice.occurredAt(), now, mutedBy));
        if (mutedBy != null) {
            return;
        }
        if (remind && subscription.pacing().repeatEvery() != null && OverdueRepeat.startsWith(notice.occurrence())) {
            routed.reminders().add(new OverdueReminders.Start(new OverdueRepeat(subscription.id(), commitmentId,
                    notice.occurredAt(), subscription.pacing().repeatEvery(), 0), notice));
        }
        Map<String, Object> data = new LinkedHashMap<>(notice.data());
        data.put("subscriptionId", subscription.id());
        String type = notice.occurrence().kind().wireName();
        boolean immediate = subscription.pacing().immediate();
        if (subscription.webhook() != null && immediate) {
            routed.webhooks().add(Delivery.of(notice.eventId(), subscription.owner(), subscription.id(), commitmentId, type,
                    WebhookBody.of(type, notice.occurredAt(), data), Traceparent.childOf(notice.traceparent()), now));
        }
        BatchItem item = null;
        if (subscription.webhook() != null && !immediate || subscription.mails()) {
            item = new BatchItem(alertId, notice.eventId(), type, notice.summary(), notice.occurredAt(), now,
                    subscription.pacing().dueAt(now), data, notice.traceparent());
        }
        if (subscription.webhook() != null && !immediate) {
            routed.batched().add(new BatchStore.Append(subscription.id(), subscription.owner(), Channel.WEBHOOK, item));
        }
        if (subscription.mails()) {
            routed.batched().add(new BatchStore.Append(subscription.id(), subscription.owner(), Channel.EMAIL, item));
        }
    }

    /** A reminder about an overdue commitment, alerted to {@code subscription} like an event (silences, pacing). */
    void remind(Subscription subscription, Notice reminder) {
        Matched routed = new Matched(reminder, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        route(reminder, subscription, clock.instant(), false, routed);
        store(List.of(routed));
    }

    private void store(List<Matched> matched) {
        List<Alert> feed = new ArrayList<>();
        List<Delivery> webhooks = new ArrayList<>();
        List<BatchStore.Append> batched = new ArrayList<>();
        List<OverdueReminders.Start> reminding = new ArrayList<>();
        for (Matched event : matched) { // in the order of the poll: the lanes take the deliveries in that order
            feed.addAll(event.feed());
            webhooks.addAll(event.webhooks());
            batched.addAll(event.batched());
            reminding.addAll(event.reminders());
        }
        // The feed and the webhooks are independent writes: made side by side, they cost the consumer one
        // round trip of waiting instead of two. A webhook may therefore reach its receiver a moment before
        // the alert shows in the feed. Batches and reminders are written only by polls that have some.
        CompletableFuture<Void> feedWritten = CompletableFuture.runAsync(() -> alerts.record(feed), writers);
        CompletableFuture<Void> batchesWritten = batched.isEmpty() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> batches.add(batched), writers);
        CompletableFuture<Void> remindersStarted = reminding.isEmpty() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> reminders.start(reminding), writers);
        try {
            deliveries.enqueue(webhooks);
        } finally {
            await(feedWritten);
            await(batchesWritten);
            await(remindersStarted);
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
