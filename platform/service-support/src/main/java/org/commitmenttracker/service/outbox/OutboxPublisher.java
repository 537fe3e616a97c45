package org.commitmenttracker.service.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the outbox of a batch of documents in one go: one read, one burst of sends, one bulk removal of what
 * the broker acknowledged. Under load the batches grow instead of the number of store round trips, which is what
 * the store charges for. Callers make sure a document is in one publish at a time ({@link OutboxQueue}).
 */
final class OutboxPublisher {
    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration sendTimeout;
    private final AtomicLong published = new AtomicLong();

    OutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
    }

    /**
     * Reads the pending events of these documents, waits for the broker's acknowledgements and removes the
     * acknowledged ones. A document with an unacknowledged event keeps all its events for the sweep; the others
     * are done.
     *
     * @return the events published
     * @throws IllegalStateException if some document's events were not all acknowledged
     */
    int publish(String collection, List<Object> ids) {
        Map<Object, List<Document>> pendingByDocument = new LinkedHashMap<>();
        for (Document document : mongo.getCollection(collection).find(Filters.in("_id", ids))
                .projection(new Document(OutboxRelay.FIELD, 1))) {
            List<Document> pending = document.getList(OutboxRelay.FIELD, Document.class, List.of());
            if (!pending.isEmpty()) {
                pendingByDocument.put(document.get("_id"), pending);
            }
        }
        if (pendingByDocument.isEmpty()) {
            return 0;
        }
        Map<Object, CompletableFuture<Void>> sends = new LinkedHashMap<>();
        pendingByDocument.forEach((id, pending) -> sends.put(id, CompletableFuture.allOf(pending.stream()
                .map(this::send).toArray(CompletableFuture[]::new))));
        try {
            CompletableFuture.allOf(sends.values().toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Some sends failed or timed out: the acknowledged documents are still removed below.
        }
        List<WriteModel<Document>> removals = new ArrayList<>();
        int acknowledged = 0;
        for (Map.Entry<Object, CompletableFuture<Void>> send : sends.entrySet()) {
            if (send.getValue().isDone() && !send.getValue().isCompletedExceptionally()) {
                List<String> eventIds = pendingByDocument.get(send.getKey()).stream().map(m -> m.getString("eventId")).toList();
                removals.add(new UpdateOneModel<>(Filters.eq("_id", send.getKey()),
                        new Document("$pull", new Document(OutboxRelay.FIELD, new Document("eventId", new Document("$in", eventIds))))));
                acknowledged += eventIds.size();
            }
        }
        if (!removals.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(removals, new BulkWriteOptions().ordered(false));
            published.addAndGet(acknowledged);
        }
        if (removals.size() < sends.size()) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox of " + (sends.size() - removals.size())
                    + " of " + sends.size() + " documents in " + collection);
        }
        return acknowledged;
    }

    /** A send that failed at once (a record too large, no metadata) fails its document only, not the batch. */
    private CompletableFuture<?> send(Document message) {
        try {
            return kafka.send(message.getString("topic"), message.getString("key"),
                    message.getString("payload").getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Up to {@code limit} documents of {@code collection} with pending events. */
    List<Object> pending(String collection, int limit) {
        List<Object> ids = new ArrayList<>();
        for (Document document : mongo.getCollection(collection).find(pendingFilter())
                .projection(new Document("_id", 1)).limit(limit)) {
            ids.add(document.get("_id"));
        }
        return ids;
    }

    /** Documents of {@code collection} with pending events. */
    long backlog(String collection) {
        return mongo.getCollection(collection).countDocuments(pendingFilter());
    }

    long publishedCount() {
        return published.get();
    }

    private static Document pendingFilter() {
        return new Document(OutboxRelay.FIELD + ".0", new Document("$exists", true));
    }
}
