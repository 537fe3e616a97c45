package org.commitmenttracker.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The persisted delivery queue: {@code deliveries} (one document per event and subscription) and
 * {@code delivery_lanes} (per subscription and commitment, the ids still to deliver, in order). Every write on
 * the hot path is a single-document atomic operation on a unique key: {@code _id}, or {@code _id} + the claim
 * counter (a compound unique index, so even the embedded store answers it by index).
 */
@Repository
public class DeliveryStore implements InitializingBean {
    static final String LANES = "delivery_lanes";
    private static final int DUPLICATE_KEY = 11000;
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
        // A lane is deleted when it empties, only if nobody joined meanwhile: by {_id, v}, v counting the joins.
        mongo.indexOps(LANES).createIndex(new Index().on("_id", Sort.Direction.ASC).on("v", Sort.Direction.ASC).unique().named("version"));
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
        Set<Integer> existing = duplicates(() -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class)
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

    /**
     * Opens a lane for each delivery (one bulk insert of {@code {_id: lane, queue: [id], v: 0}}) and returns
     * those that opened it: they are first in their lane and may be sent at once. The others' lanes exist
     * already (a delivery of the same subscription and commitment is still pending, or comes earlier in
     * {@code deliveries}, which only the first of a lane tries to open): they join at the end, in order.
     */
    public List<Delivery> openLanes(List<Delivery> deliveries) {
        Map<String, Delivery> openers = new LinkedHashMap<>();
        deliveries.forEach(delivery -> openers.putIfAbsent(delivery.lane(), delivery));
        List<Delivery> candidates = new ArrayList<>(openers.values());
        List<Document> lanes = new ArrayList<>(candidates.size());
        for (Delivery delivery : candidates) {
            lanes.add(new Document("_id", delivery.lane()).append("queue", List.of(delivery.id())).append("v", 0L));
        }
        Set<Integer> taken = lanes.isEmpty() ? Set.of()
                : duplicates(() -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, LANES).insert(lanes).execute());
        if (taken.isEmpty() && candidates.size() == deliveries.size()) {
            return deliveries;
        }
        Set<Delivery> first = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < candidates.size(); i++) {
            if (!taken.contains(i)) {
                first.add(candidates.get(i));
            }
        }
        joinLanes(deliveries.stream().filter(delivery -> !first.contains(delivery)).toList());
        return deliveries.stream().filter(first::contains).toList();
    }

    /** Runs a bulk insert and returns the positions refused as duplicates; any other error is thrown. */
    private static Set<Integer> duplicates(Runnable bulkInsert) {
        Set<Integer> refused = new HashSet<>();
        try {
            bulkInsert.run();
        } catch (BulkOperationException partly) {
            partly.getErrors().forEach(error -> {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw partly;
                }
                refused.add(error.getIndex());
            });
        }
        return refused;
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

    /** Appends deliveries to the end of their lanes (idempotent: an id already queued keeps its place). */
    public void joinLanes(Collection<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        BulkOperations lanes = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, LANES);
        for (Delivery delivery : deliveries) {
            lanes.upsert(Query.query(Criteria.where("_id").is(delivery.lane())),
                    new Update().addToSet("queue", delivery.id()).inc("v", 1));
        }
        lanes.execute();
    }

    /** The delivery whose turn it is in {@code lane}, if any. */
    public Optional<String> headOf(String lane) {
        Document found = mongo.getCollection(LANES).find(new Document("_id", lane)).first();
        return found == null ? Optional.empty() : first(found);
    }

    /** Where a delivery stands in line: its lane and its id. */
    public record Place(String lane, String id) {
    }

    /** Removes {@code id} from its lane and returns the delivery whose turn it is now: {@link #leaveLanes} of one. */
    public Optional<String> leaveLane(String lane, String id) {
        return leaveLanes(List.of(new Place(lane, id))).stream().findFirst();
    }

    /**
     * Removes each delivery from its lane and returns the deliveries whose turn it is now. The common case, a
     * lane the delivery opened and nobody joined ({@code v} still 0, so it holds that delivery alone), is
     * deleted in one bulk write for them all. From a lane someone joined, the delivery is pulled; a lane left
     * empty is deleted unless a delivery joined it meanwhile (its join counter moved on).
     */
    public List<String> leaveLanes(List<Place> places) {
        if (places.isEmpty()) {
            return List.of();
        }
        BulkOperations alone = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, LANES);
        places.forEach(place -> alone.remove(Query.query(Criteria.where("_id").is(place.lane()).and("v").is(0L))));
        if (alone.execute().getDeletedCount() == places.size()) {
            return List.of();
        }
        Map<String, List<?>> queues = new HashMap<>();
        mongo.getCollection(LANES).find(new Document("_id", new Document("$in", places.stream().map(Place::lane).distinct().toList())))
                .forEach(lane -> queues.put(lane.getString("_id"), lane.getList("queue", Object.class)));
        List<String> next = new ArrayList<>();
        for (Place place : places) {
            List<?> queue = queues.get(place.lane());
            if (queue != null && queue.contains(place.id())) {
                pull(place).ifPresent(next::add);
            }
        }
        return next;
    }

    private Optional<String> pull(Place place) {
        Document after = mongo.findAndModify(Query.query(Criteria.where("_id").is(place.lane())), new Update().pull("queue", place.id()),
                FindAndModifyOptions.options().returnNew(true), Document.class, LANES);
        if (after == null) {
            return Optional.empty();
        }
        Optional<String> next = first(after);
        if (next.isEmpty() && after.get("v") instanceof Number joins) {
            mongo.getCollection(LANES).deleteOne(new Document("_id", place.lane()).append("v", joins.longValue()));
        }
        return next;
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

    private static Optional<String> first(Document lane) {
        List<?> queue = lane.getList("queue", Object.class);
        return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of((String) queue.get(0));
    }
}
