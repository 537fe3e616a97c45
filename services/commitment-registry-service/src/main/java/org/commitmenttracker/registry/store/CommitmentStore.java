package org.commitmenttracker.registry.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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

    /** The registered ones among {@code ids}, in one query. */
    public List<Commitment> findAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Commitment.class, COLLECTION);
    }

    /** Inserts a new commitment (version 1) with its events; false if it exists already. */
    public boolean insert(Commitment commitment, List<OutboxMessage> events) {
        try {
            mongo.getCollection(COLLECTION).insertOne(newDocument(commitment.withVersion(1), events));
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
        VersionedWrite write = new VersionedWrite(next.withVersion(expectedVersion + 1), expectedVersion, events);
        if (mongo.updateFirst(write.sameVersion(), update(write), COLLECTION).getMatchedCount() != 1) {
            return false;
        }
        announce(next.id(), events);
        return true;
    }

    /**
     * The next state of a commitment ({@code next}, with the version it is written with) and its events, to write
     * if the stored version is still {@code expectedVersion}.
     */
    public record VersionedWrite(Commitment next, long expectedVersion, List<OutboxMessage> events) {
        Query sameVersion() {
            return Query.query(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion));
        }
    }

    /**
     * Writes several commitments in one bulk write, each only if its stored version is still the expected one;
     * returns the ids of those that moved on meanwhile (nothing of theirs is written).
     * <p>Each write is an upsert on {@code {_id, version}} so that a version conflict is reported per write: the
     * filter matches nothing, the upsert's insert then collides with the stored {@code _id} (duplicate key,
     * 11000), which the bulk result names by index. A plain update would only lower the matched count.
     * Commitments are never deleted, so the insert cannot succeed.
     */
    public Set<String> updateAll(List<VersionedWrite> writes) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        writes.forEach(write -> bulk.upsert(write.sameVersion(), update(write)));
        return executeAnnouncing(bulk, writes);
    }

    /**
     * Inserts several new commitments (each with the version it was built to) in one unordered bulk write; returns
     * the ids of those registered by someone else meanwhile (duplicate {@code _id}: nothing of theirs is written).
     */
    public Set<String> insertAll(List<VersionedWrite> writes) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        writes.forEach(write -> bulk.insert(newDocument(write.next(), write.events())));
        return executeAnnouncing(bulk, writes);
    }

    /**
     * Runs a bulk write of {@code writes} (one operation each, in that order), announces the events of those
     * written and returns the ids of those refused as duplicate {@code _id}s; any other error is thrown.
     */
    private Set<String> executeAnnouncing(BulkOperations bulk, List<VersionedWrite> writes) {
        Set<String> conflicts = new HashSet<>();
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            e.getErrors().forEach(error -> {
                if (error.getCode() != 11000) {
                    throw e;
                }
                conflicts.add(writes.get(error.getIndex()).next().id());
            });
        }
        writes.stream().filter(write -> !conflicts.contains(write.next().id()))
                .forEach(write -> announce(write.next().id(), write.events()));
        return conflicts;
    }

    /** A new commitment's document: its state, with its events in the outbox. */
    private Document newDocument(Commitment commitment, List<OutboxMessage> events) {
        Document document = toDocument(commitment);
        document.put(OutboxRelay.FIELD, events.stream().map(e -> toDocument((Object) e)).toList());
        return document;
    }

    /** {@code $set} of the whole state and {@code $push} of the events. */
    private Update update(VersionedWrite write) {
        Document state = toDocument(write.next());
        Update update = new Update();
        state.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                update.set(field, value);
            }
        });
        if (!write.events().isEmpty()) {
            update.push(OutboxRelay.FIELD).each(write.events().stream().map(e -> toDocument((Object) e)).toArray());
        }
        return update;
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
