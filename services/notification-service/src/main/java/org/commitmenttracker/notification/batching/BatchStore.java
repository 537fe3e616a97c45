package org.commitmenttracker.notification.batching;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.commitmenttracker.notification.noise.BatchItem;
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
 * {@code alert_batches}: appends by {@code _id} (upsert), claims by {@code {_id, claim}} and deletion of an
 * emptied batch by {@code {_id, v}} — each a single-document atomic write on a unique key, so several
 * replicas and consumer threads can share a batch. Only the sweep's search for due batches is a query.
 */
@Repository
public class BatchStore implements InitializingBean {
    private final MongoTemplate mongo;

    public BatchStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(AlertBatch.class);
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("claim", Sort.Direction.ASC).unique().named("claim"));
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("v", Sort.Direction.ASC).unique().named("version"));
        // For real MongoDB: the sweep for due items (a multikey index).
        indexes.createIndex(new Index().on("items.dueAt", Sort.Direction.ASC).named("due"));
    }

    /** A batch item on its way: for whom and on which channel. */
    public record Append(String subscriptionId, String owner, Channel channel, BatchItem item) {
    }

    /** Adds each item to its batch, opening the batch if there is none (one bulk write). */
    public void append(List<Append> appends) {
        if (appends.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, AlertBatch.class);
        for (Append append : appends) {
            bulk.upsert(byId(AlertBatch.idOf(append.subscriptionId(), append.channel())), new Update()
                    .push("items", append.item()).inc("v", 1)
                    .setOnInsert("subscriptionId", append.subscriptionId()).setOnInsert("owner", append.owner())
                    .setOnInsert("channel", append.channel()).setOnInsert("claim", 0L));
        }
        bulk.execute();
    }

    /** Ids and claim counters of the batches with an item due at {@code now} and no live lease. */
    public List<AlertBatch> claimable(Instant now, int limit) {
        Query due = Query.query(Criteria.where("items.dueAt").lte(now)).limit(limit);
        return mongo.find(due, AlertBatch.class).stream().filter(batch -> batch.claimableAt(now)).toList();
    }

    public Optional<AlertBatch> find(String id) {
        return Optional.ofNullable(mongo.findById(id, AlertBatch.class));
    }

    /** Claims a batch read with claim counter {@code claim}: it as it is now, or empty if someone else got it. */
    public Optional<AlertBatch> claim(String id, long claim, Instant leaseUntil) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("claim").is(claim)),
                new Update().inc("claim", 1).set("leaseUntil", leaseUntil), FindAndModifyOptions.options().returnNew(true),
                AlertBatch.class));
    }

    /**
     * Removes the items sent (or dropped) from the batch and ends the claim; a batch left empty is deleted unless
     * an alert joined it meanwhile (its {@code v} moved on), which then waits for its own due time.
     */
    public void settle(String id, List<String> alertIds) {
        AlertBatch after = mongo.findAndModify(byId(id), new Update()
                        .pull("items", new Document("alertId", new Document("$in", alertIds))).set("leaseUntil", null),
                FindAndModifyOptions.options().returnNew(true), AlertBatch.class);
        if (after != null && after.items().isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").is(id).and("v").is(after.v())), AlertBatch.class);
        }
    }

    /** Keeps the batch claimed until {@code retryAt}, when the sweep tries it again (a transient channel failure). */
    public void retryAt(String id, long claim, Instant retryAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("claim").is(claim)), new Update().set("leaseUntil", retryAt),
                AlertBatch.class);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
