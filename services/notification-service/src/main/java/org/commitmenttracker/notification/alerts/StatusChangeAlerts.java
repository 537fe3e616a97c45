package org.commitmenttracker.notification.alerts;

import java.time.Instant;
import java.util.List;

import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.notification.subscriptions.Subscription;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Records an alert for every subscription a status change matches, once per (event, subscription). */
@Service
public class StatusChangeAlerts implements InitializingBean {
    private final MongoTemplate mongo;

    public StatusChangeAlerts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Alert.class).createIndex(new Index("subscriptionId", Sort.Direction.ASC).named("subscription"));
    }

    public int record(EventEnvelope<CommitmentStatusChanged> event) {
        CommitmentStatusChanged change = event.data();
        int recorded = 0;
        for (Subscription subscription : mongo.findAll(Subscription.class)) {
            if (!subscription.matches(change.documentId(), change.to())) {
                continue;
            }
            String summary = (change.from() == null ? "registered as " : change.from() + " → ") + change.to();
            try {
                mongo.insert(new Alert(Alert.idOf(event.id().toString(), subscription.id()), subscription.id(),
                        event.id().toString(), event.type(), change.commitmentId(), change.documentId(), summary,
                        change.changedAt(), Instant.now()));
                recorded++;
            } catch (DuplicateKeyException alreadyRecorded) {
                // a redelivered event: the alert exists already
            }
        }
        return recorded;
    }

    public List<Alert> of(String subscriptionId, int limit) {
        return mongo.find(Query.query(Criteria.where("subscriptionId").is(subscriptionId)).limit(limit), Alert.class);
    }
}
