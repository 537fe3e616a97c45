package org.commitmenttracker.notification.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.commitmenttracker.notification.batching.BatchSettings;
import org.commitmenttracker.notification.noise.OverdueRepeat;
import org.commitmenttracker.notification.subscriptions.ActiveSubscriptions;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Reminders about overdue commitments ({@code overdue_reminders}, one per subscription and commitment): started
 * by the alert that made the commitment overdue, for subscriptions with {@code repeatEvery}; every interval the
 * sweep alerts again ({@link Notice#repeat}), through the subscription's silences and pacing like any alert,
 * until a later status change leaves the commitment anything but overdue ({@link CommitmentFacts}). A reminder
 * is claimed by moving its {@code count} on ({@code {_id, count}}, unique), so one replica sends each; if that
 * replica dies before the alert is stored, that one reminder is lost, the next comes on time.
 */
@Component
class OverdueReminders implements InitializingBean, SchedulingConfigurer {
    private static final int SWEEP_LIMIT = 1_000;
    private final MongoTemplate mongo;
    private final ActiveSubscriptions subscriptions;
    private final Alerting alerting;
    private final Clock clock;
    private final Duration interval;

    OverdueReminders(MongoTemplate mongo, ActiveSubscriptions subscriptions, @Lazy Alerting alerting, Clock clock,
                     BatchSettings settings) {
        this.mongo = mongo;
        this.subscriptions = subscriptions;
        this.alerting = alerting;
        this.clock = clock;
        this.interval = settings.batchSweepInterval();
    }

    @Document(Reminder.COLLECTION)
    record Reminder(@Id String id, String subscriptionId, String commitmentId, Instant since, Duration every, int count,
                    Instant dueAt, Notice notice) {
        static final String COLLECTION = "overdue_reminders";

        OverdueRepeat repeat() {
            return new OverdueRepeat(subscriptionId, commitmentId, since, every, count);
        }
    }

    /** A reminder to start, and the alert it repeats. */
    record Start(OverdueRepeat repeat, Notice notice) {
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(Reminder.class);
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("count", Sort.Direction.ASC).unique().named("count"));
        indexes.createIndex(new Index("dueAt", Sort.Direction.ASC).named("due")); // for real MongoDB: the sweep
    }

    /** Starts reminders (one bulk write); one already running for the subscription and commitment goes on as it is. */
    void start(List<Start> starts) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
        for (Start start : starts) {
            OverdueRepeat repeat = start.repeat();
            bulk.upsert(Query.query(Criteria.where("_id").is(repeat.subscriptionId() + "|" + repeat.commitmentId())), new Update()
                    .setOnInsert("subscriptionId", repeat.subscriptionId()).setOnInsert("commitmentId", repeat.commitmentId())
                    .setOnInsert("since", repeat.since()).setOnInsert("every", repeat.every().toString())
                    .setOnInsert("count", 0).setOnInsert("dueAt", repeat.dueAt()).setOnInsert("notice", start.notice()));
        }
        bulk.execute();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
    }

    public void sweep() {
        Instant now = clock.instant();
        mongo.find(Query.query(Criteria.where("dueAt").lte(now)).limit(SWEEP_LIMIT), Reminder.class).forEach(this::remind);
    }

    private void remind(Reminder due) {
        OverdueRepeat next = due.repeat().next();
        Reminder claimed = mongo.findAndModify(Query.query(Criteria.where("_id").is(due.id()).and("count").is(due.count())),
                new Update().set("count", next.count()).set("dueAt", next.dueAt()), FindAndModifyOptions.options().returnNew(true),
                Reminder.class);
        if (claimed == null) {
            return; // another replica's
        }
        CommitmentFacts facts = mongo.findById(due.commitmentId(), CommitmentFacts.class);
        Optional<Subscription> subscription = subscriptions.active(due.subscriptionId())
                .filter(s -> s.pacing().repeatEvery() != null);
        if (subscription.isEmpty() || facts != null && !due.repeat().continuesWith(facts.status(), facts.changedAt())) {
            mongo.remove(Query.query(Criteria.where("_id").is(due.id()).and("count").is(next.count())), Reminder.class);
            return;
        }
        alerting.remind(subscription.get(), due.notice().repeat(next.count(), clock.instant()));
    }
}
