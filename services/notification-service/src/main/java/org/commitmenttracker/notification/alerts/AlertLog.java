package org.commitmenttracker.notification.alerts;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The alert feed of every subscription ({@code alerts}), one record per (event, subscription), never rewritten. */
@Repository
class AlertLog implements InitializingBean {
    private static final int DUPLICATE_KEY = 11000;
    private final MongoTemplate mongo;

    AlertLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Alert.class).createIndex(new Index("subscriptionId", Sort.Direction.ASC).named("subscription"));
    }

    /** Inserts the alerts not recorded yet; those of a redelivered event exist already and stay as they are. */
    void record(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Alert.class).insert(alerts).execute();
        } catch (BulkOperationException partly) {
            if (partly.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw partly;
            }
        }
    }

    /** The alerts of a subscription: those that went out, or ({@code suppressed}) those a silence muted. */
    List<Alert> of(String subscriptionId, boolean suppressed, int limit) {
        Criteria criteria = Criteria.where("subscriptionId").is(subscriptionId);
        criteria = suppressed ? criteria.and("suppressedBy").ne(null) : criteria.and("suppressedBy").is(null);
        return mongo.find(Query.query(criteria).limit(limit), Alert.class);
    }
}
