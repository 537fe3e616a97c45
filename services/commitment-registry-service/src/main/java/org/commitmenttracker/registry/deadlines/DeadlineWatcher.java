package org.commitmenttracker.registry.deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.bson.Document;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.registry.store.Commitments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Announces approaching and missed deadlines and marks open commitments OVERDUE. A milestone passes at the
 * end of its last day in {@code tracker.deadlines.zone} (default UTC). Runs on one replica at a time (a
 * ShedLock lease in MongoDB); even if two ran, event ids (commitment + milestone + horizon) make a duplicate
 * harmless and optimistic locking keeps the state right.
 */
@Component
public class DeadlineWatcher {
    private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);
    private static final int BATCH = 1_000;

    private final MongoTemplate mongo;
    private final Commitments commitments;
    private final DeadlinePolicy policy;
    private final Clock clock;
    private final ZoneId zone;

    public DeadlineWatcher(MongoTemplate mongo, Commitments commitments, DeadlinePolicy policy, Clock clock,
                           DeadlineSettings settings) {
        this.mongo = mongo;
        this.commitments = commitments;
        this.policy = policy;
        this.clock = clock;
        this.zone = settings.zone();
    }

    @Scheduled(fixedDelayString = "${tracker.deadlines.check-interval:60s}", initialDelayString = "${tracker.deadlines.initial-delay:10s}")
    @SchedulerLock(name = "deadline-watcher", lockAtMostFor = "${tracker.deadlines.lock-at-most-for:10m}")
    public void scheduledCheck() {
        int changed = checkNow();
        if (changed > 0) {
            log.info("Deadline watcher: {} commitment(s) changed", changed);
        }
    }

    /** Checks every commitment whose next deadline date has come; returns how many changed. */
    public int checkNow() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int changed = 0;
        List<String> due;
        String after = "";
        do {
            Query query = Query.query(Criteria.where("nextDeadlineCheck").lte(today).and("_id").gt(after))
                    .with(org.springframework.data.domain.Sort.by("_id")).limit(BATCH);
            query.fields().include("_id");
            due = mongo.find(query, Document.class, CommitmentStore.COLLECTION).stream().map(d -> d.getString("_id")).toList();
            for (String id : due) {
                if (commitments.update(id, c -> c.checkDeadlines(today, policy, clock.instant()), null).changed()) {
                    changed++;
                }
            }
            after = due.isEmpty() ? after : due.get(due.size() - 1);
        } while (due.size() == BATCH);
        return changed;
    }
}
