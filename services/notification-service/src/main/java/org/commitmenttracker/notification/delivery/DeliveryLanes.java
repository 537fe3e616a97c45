package org.commitmenttracker.notification.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
 * The order deliveries go in: {@code delivery_lanes}, per subscription and commitment ({@link Delivery#lane()}),
 * {@code {_id: lane, queue: [ids still to deliver, in order], v: joins}}. Only the first of a lane is sent; when
 * it finishes it leaves the lane and the next one's turn comes.
 */
@Repository
public class DeliveryLanes implements InitializingBean {
    static final String COLLECTION = "delivery_lanes";
    private final MongoTemplate mongo;

    public DeliveryLanes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // A lane is deleted when it empties, only if nobody joined meanwhile: by {_id, v}, v counting the joins.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC).on("v", Sort.Direction.ASC).unique().named("version"));
    }

    /** Where a delivery stands in line: its lane and its id. */
    public record Place(String lane, String id) {
    }

    /**
     * Opens a lane for each delivery (one bulk insert of {@code {_id: lane, queue: [id], v: 0}}) and returns
     * those that opened it: they are first in their lane and may be sent at once. The others' lanes exist
     * already (a delivery of the same subscription and commitment is still pending, or comes earlier in
     * {@code deliveries}, which only the first of a lane tries to open): they join at the end, in order.
     */
    public List<Delivery> open(List<Delivery> deliveries) {
        Map<String, Delivery> openers = new LinkedHashMap<>();
        deliveries.forEach(delivery -> openers.putIfAbsent(delivery.lane(), delivery));
        List<Delivery> candidates = new ArrayList<>(openers.values());
        List<Document> lanes = new ArrayList<>(candidates.size());
        for (Delivery delivery : candidates) {
            lanes.add(new Document("_id", delivery.lane()).append("queue", List.of(delivery.id())).append("v", 0L));
        }
        Set<Integer> taken = lanes.isEmpty() ? Set.of()
                : DuplicateKeys.refusedBy(() -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION).insert(lanes).execute());
        if (taken.isEmpty() && candidates.size() == deliveries.size()) {
            return deliveries;
        }
        Set<Delivery> first = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < candidates.size(); i++) {
            if (!taken.contains(i)) {
                first.add(candidates.get(i));
            }
        }
        join(deliveries.stream().filter(delivery -> !first.contains(delivery)).toList());
        return deliveries.stream().filter(first::contains).toList();
    }

    /** Appends deliveries to the end of their lanes (idempotent: an id already queued keeps its place). */
    public void join(Collection<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        BulkOperations lanes = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
        for (Delivery delivery : deliveries) {
            lanes.upsert(Query.query(Criteria.where("_id").is(delivery.lane())),
                    new Update().addToSet("queue", delivery.id()).inc("v", 1));
        }
        lanes.execute();
    }

    /** The delivery whose turn it is in {@code lane}, if any. */
    public Optional<String> headOf(String lane) {
        Document found = mongo.getCollection(COLLECTION).find(new Document("_id", lane)).first();
        return found == null ? Optional.empty() : first(found);
    }

    /** Removes {@code id} from its lane and returns the delivery whose turn it is now: {@link #leave(List)} of one. */
    public Optional<String> leave(String lane, String id) {
        return leave(List.of(new Place(lane, id))).stream().findFirst();
    }

    /**
     * Removes each delivery from its lane and returns the deliveries whose turn it is now. The common case, a
     * lane the delivery opened and nobody joined ({@code v} still 0, so it holds that delivery alone), is
     * deleted in one bulk write for them all. From a lane someone joined, the delivery is pulled; a lane left
     * empty is deleted unless a delivery joined it meanwhile (its join counter moved on).
     */
    public List<String> leave(List<Place> places) {
        if (places.isEmpty()) {
            return List.of();
        }
        BulkOperations alone = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        places.forEach(place -> alone.remove(Query.query(Criteria.where("_id").is(place.lane()).and("v").is(0L))));
        if (alone.execute().getDeletedCount() == places.size()) {
            return List.of();
        }
        Map<String, List<?>> queues = new HashMap<>();
        mongo.getCollection(COLLECTION).find(new Document("_id", new Document("$in", places.stream().map(Place::lane).distinct().toList())))
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
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (after == null) {
            return Optional.empty();
        }
        Optional<String> next = first(after);
        if (next.isEmpty() && after.get("v") instanceof Number joins) {
            mongo.getCollection(COLLECTION).deleteOne(new Document("_id", place.lane()).append("v", joins.longValue()));
        }
        return next;
    }

    private static Optional<String> first(Document lane) {
        List<?> queue = lane.getList("queue", Object.class);
        return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of((String) queue.get(0));
    }
}
