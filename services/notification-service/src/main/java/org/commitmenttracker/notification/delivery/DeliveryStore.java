package org.commitmenttracker.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The persisted delivery queue: {@code deliveries}, one document per event and subscription (the order they go
 * in is {@link DeliveryLanes}'). Every write on the hot path is a single-document atomic operation on a unique
 * key: {@code _id}, or {@code _id} + the claim counter (a compound unique index, so even the embedded store
 * answers it by index).
 */
@Repository
public class DeliveryStore implements InitializingBean {
    private final MongoTemplate mongo;

    public DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(Delivery.class);
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("claim", Sort.Direction.ASC).unique().named("claim"));
        // For real MongoDB: the sweep for due work and the dead-letter listing.
        indexes.createIndex(new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).named("due"));
        indexes.createIndex(new Index().on("owner", Sort.Direction.ASC).on("state", Sort.Direction.ASC).named("owner-state"));
    }

    /** What {@link #insertNew} did: the deliveries it created, and the ids of older ones still to deliver. */
    public record Inserted(List<Delivery> created, List<String> reopened) {
    }

    /**
     * Inserts the deliveries that do not exist yet (one bulk write). Returns those it created and the ids of
     * those of a redelivered event that exist already but have not reached a final state.
     */
    public Inserted insertNew(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return new Inserted(List.of(), List.of());
        }
        Set<Integer> existing = DuplicateKeys.refusedBy(() -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class)
                .insert(deliveries).execute());
        List<Delivery> created = new ArrayList<>(deliveries.size());
        List<String> reopened = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            if (!existing.contains(i)) {
                created.add(delivery);
            } else {
                find(delivery.id()).filter(stored -> !stored.state().isFinal()).ifPresent(stored -> reopened.add(stored.id()));
            }
        }
        return new Inserted(created, reopened);
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    /** Claims a delivery read with claim counter {@code claim}; empty when someone else got there first. */
    public Optional<Delivery> claim(String id, long claim, Instant leaseUntil) {
        return Optional.ofNullable(mongo.findAndModify(byClaim(id, claim),
                new Update().set("state", DeliveryState.SENDING).set("leaseUntil", leaseUntil).inc("claim", 1),
                FindAndModifyOptions.options().returnNew(true), Delivery.class));
    }

    /**
     * Records attempts, each made under the claim its delivery was sent with, and the state each leaves its
     * delivery in: one bulk write. Returns those recorded; one whose claim was lost meanwhile (its lease ran out
     * and another worker took it) records nothing and is left out. Recording moves the claim counter on, like
     * every other change of hands: a worker that read the delivery while it was being sent (its lease looked
     * over) can then no longer claim it and send it again once it is delivered.
     */
    public List<Settlement> recordAttempts(List<Settlement> settled) {
        if (settled.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class);
        for (Settlement settlement : settled) {
            Update update = new Update().set("state", settlement.state()).set("dueAt", settlement.dueAt()).set("leaseUntil", null)
                    .inc("attemptCount", 1).push("attempts", settlement.attempt()).set("lastError", settlement.attempt().error())
                    .inc("claim", 1);
            if (settlement.state().isFinal()) {
                update.set("finishedAt", settlement.attempt().at());
            }
            bulk.updateOne(byClaim(settlement.claimed().id(), settlement.claimed().claim()), update);
        }
        if (bulk.execute().getMatchedCount() == settled.size()) {
            return settled;
        }
        // Rare: some claim was lost. The bulk matched those now one claim and one attempt further than when they
        // were sent; one taken by another worker instead is one claim further but not one attempt.
        Query sent = Query.query(Criteria.where("_id").in(settled.stream().map(s -> s.claimed().id()).toList()));
        sent.fields().include("_id", "claim", "attemptCount");
        Map<String, Document> now = new HashMap<>();
        mongo.find(sent, Document.class, Delivery.COLLECTION).forEach(d -> now.put(d.getString("_id"), d));
        return settled.stream().filter(s -> {
            Document stored = now.get(s.claimed().id());
            return stored != null && stored.get("claim", Number.class).longValue() == s.claimed().claim() + 1
                    && stored.get("attemptCount", Number.class).intValue() == s.claimed().attemptCount() + 1;
        }).toList();
    }

    /**
     * Extends the lease of each delivery still under the claim given for it (one bulk write by {@code {_id,
     * claim}}); returns the ids whose claim has moved on (recorded, given back or taken by another worker).
     */
    public List<String> renewLeases(Map<String, Long> claims, Instant leaseUntil) {
        if (claims.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class);
        claims.forEach((id, claim) -> bulk.updateOne(byClaim(id, claim), new Update().set("leaseUntil", leaseUntil)));
        if (bulk.execute().getMatchedCount() == claims.size()) {
            return List.of();
        }
        Query held = Query.query(Criteria.where("_id").in(claims.keySet()));
        held.fields().include("_id", "claim");
        Map<String, Long> stored = new HashMap<>();
        mongo.find(held, Document.class, Delivery.COLLECTION).forEach(d -> stored.put(d.getString("_id"), d.get("claim", Number.class).longValue()));
        return claims.entrySet().stream().filter(e -> !e.getValue().equals(stored.get(e.getKey()))).map(Map.Entry::getKey).toList();
    }

    /**
     * Makes the retries of a subscription that wait for a later time due at {@code now} (its receiver answered
     * again); returns their ids.
     */
    public List<String> retryNow(String subscriptionId, Instant now) {
        Query waiting = Query.query(Criteria.where("subscriptionId").is(subscriptionId).and("state").is(DeliveryState.PENDING)
                .and("attemptCount").gt(0).and("dueAt").gt(now));
        waiting.fields().include("_id");
        List<String> ids = mongo.find(waiting, Document.class, Delivery.COLLECTION).stream().map(d -> d.getString("_id")).toList();
        if (!ids.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("state").is(DeliveryState.PENDING).and("dueAt").gt(now)),
                    new Update().set("dueAt", now), Delivery.class);
        }
        return ids;
    }

    /** Gives up claim {@code claim} without an attempt: the delivery is pending again, due at {@code dueAt}. */
    public boolean release(String id, long claim, Instant dueAt) {
        return mongo.updateFirst(byClaim(id, claim), new Update().set("state", DeliveryState.PENDING).set("dueAt", dueAt)
                .set("leaseUntil", null).inc("claim", 1), Delivery.class).getModifiedCount() == 1;
    }

    /** Ends a delivery without an attempt (its subscription is gone). */
    public boolean kill(String id, long claim, String reason, Instant now) {
        return mongo.updateFirst(byClaim(id, claim), new Update().set("state", DeliveryState.DEAD).set("lastError", reason)
                .set("finishedAt", now).inc("claim", 1), Delivery.class).getModifiedCount() == 1;
    }

    /** A dead delivery back to pending, with a fresh set of attempts (the log keeps the old ones). */
    public boolean revive(String id, long claim, Instant now) {
        return mongo.updateFirst(byClaim(id, claim).addCriteria(Criteria.where("state").is(DeliveryState.DEAD)),
                new Update().set("state", DeliveryState.PENDING).set("attemptCount", 0).set("dueAt", now)
                        .set("finishedAt", null).inc("claim", 1), Delivery.class).getModifiedCount() == 1;
    }

    /** Ids of deliveries a worker may claim now: due pending ones and those whose lease expired. */
    public List<String> claimable(Instant now, int limit) {
        Query due = Query.query(new Criteria().orOperator(
                Criteria.where("state").is(DeliveryState.PENDING).and("dueAt").lte(now),
                Criteria.where("state").is(DeliveryState.SENDING).and("leaseUntil").lt(now))).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, Document.class, Delivery.COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    public List<Delivery> ownedBy(String owner, DeliveryState state, String subscriptionId, int limit) {
        Criteria criteria = Criteria.where("owner").is(owner).and("state").is(state);
        if (subscriptionId != null) {
            criteria.and("subscriptionId").is(subscriptionId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("createdAt")).limit(limit), Delivery.class);
    }

    private static Query byClaim(String id, long claim) {
        return Query.query(Criteria.where("_id").is(id).and("claim").is(claim));
    }
}
