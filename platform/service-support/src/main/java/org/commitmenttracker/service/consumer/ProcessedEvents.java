package org.commitmenttracker.service.consumer;

import java.time.Instant;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The log of events a consumer has fully handled, keyed by consumer and event id (a unique key, so the
 * check is a point lookup even on the embedded store). Handlers are idempotent on their own; this log
 * spares them the work of a redelivered event.
 */
public class ProcessedEvents {
    public static final String COLLECTION = "processed_events";
    private final MongoTemplate mongo;

    public ProcessedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean contains(String consumer, Object eventId) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", key(consumer, eventId))).limit(1).first() != null;
    }

    public void add(String consumer, Object eventId) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", key(consumer, eventId))
                    .append("processedAt", java.util.Date.from(Instant.now())));
        } catch (DuplicateKeyException | com.mongodb.MongoWriteException alreadyThere) {
            // a concurrent replica handled it too: the handler is idempotent, nothing to undo
        }
    }

    private static String key(String consumer, Object eventId) {
        return consumer + ":" + eventId;
    }
}
