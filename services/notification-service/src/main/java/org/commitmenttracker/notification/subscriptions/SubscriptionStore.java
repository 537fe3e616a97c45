package org.commitmenttracker.notification.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The {@code subscriptions} collection. Point reads by {@code _id}; the rest are rare (listing, change feed). */
@Repository
public class SubscriptionStore implements InitializingBean {
    private final MongoTemplate mongo;

    public SubscriptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(Subscription.class);
        indexes.createIndex(new Index("fingerprint", Sort.Direction.ASC).unique().named("fingerprint"));
        // For real MongoDB: the change feed replicas poll, and listings per owner.
        indexes.createIndex(new Index("updatedAt", Sort.Direction.ASC).named("updatedAt"));
        indexes.createIndex(new Index("owner", Sort.Direction.ASC).named("owner"));
    }

    /** Inserts; a {@link org.springframework.dao.DuplicateKeyException} means the fingerprint exists. */
    public Subscription insert(Subscription subscription) {
        return mongo.insert(subscription);
    }

    public Subscription save(Subscription subscription) {
        return mongo.save(subscription);
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Subscription.class));
    }

    public List<Subscription> ownedBy(String owner) {
        return mongo.find(Query.query(Criteria.where("owner").is(owner).and("deleted").is(false))
                .with(Sort.by("createdAt")), Subscription.class);
    }

    /** Every subscription written at or after {@code since}, tombstones included. */
    public List<Subscription> changedSince(Instant since) {
        return mongo.find(Query.query(Criteria.where("updatedAt").gte(since)), Subscription.class);
    }

    public List<Subscription> all() {
        return mongo.findAll(Subscription.class);
    }
}
