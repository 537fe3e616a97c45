package org.commitmenttracker.registry.store;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Commitments in MongoDB: the domain record is the document (its {@code id} is {@code _id}), plus an
 * {@code outbox} array of events not yet published. Every write is one single-document operation that
 * changes the state and appends its events together; updates are optimistic on {@code _id} + {@code version}.
 */
@Component
public class CommitmentStore {
    public static final String COLLECTION = "commitments";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public CommitmentStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Optional<Commitment> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Commitment.class, COLLECTION));
    }

    /** Inserts a new commitment (version 1) with its events; false if it exists already. */
    public boolean insert(Commitment commitment, List<OutboxMessage> events) {
        Document document = toDocument(commitment.withVersion(1));
        document.put(OutboxRelay.FIELD, events.stream().map(e -> toDocument((Object) e)).toList());
        try {
            mongo.getCollection(COLLECTION).insertOne(document);
        } catch (DuplicateKeyException | com.mongodb.MongoWriteException exists) {
            if (exists instanceof com.mongodb.MongoWriteException w && w.getCode() != 11000) {
                throw w;
            }
            return false;
        }
        announce(commitment.id(), events);
        return true;
    }

    /** Writes the next state if the stored version is still {@code expectedVersion}; false if it moved on. */
    public boolean update(Commitment next, long expectedVersion, List<OutboxMessage> events) {
        Document state = toDocument(next.withVersion(expectedVersion + 1));
        Update update = new Update();
        state.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                update.set(field, value);
            }
        });
        if (!events.isEmpty()) {
            update.push(OutboxRelay.FIELD).each(events.stream().map(e -> toDocument((Object) e)).toArray());
        }
        Query sameVersion = Query.query(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion));
        if (mongo.updateFirst(sameVersion, update, COLLECTION).getMatchedCount() != 1) {
            return false;
        }
        announce(next.id(), events);
        return true;
    }

    private void announce(String id, List<OutboxMessage> events) {
        if (!events.isEmpty()) {
            relay.publishSoon(COLLECTION, id);
        }
    }

    /** The record's components, plus derived fields that queries filter and sort on. */
    private Document toDocument(Commitment commitment) {
        Document document = toDocument((Object) commitment);
        document.put("dueDate", commitment.dueDate());
        document.put("complianceScore", commitment.complianceScore());
        return document;
    }

    private Document toDocument(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        return document;
    }
}
