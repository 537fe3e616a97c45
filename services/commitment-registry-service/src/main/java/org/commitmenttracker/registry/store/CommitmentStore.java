package org.commitmenttracker.registry.store;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.HistoryEntry;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Commitments in MongoDB: the domain record is the document (its {@code id} is {@code _id}), plus an
 * {@code outbox} array of events not yet published. Every write is one single-document operation that
 * changes the state and appends its events together; updates are optimistic on {@code _id} + {@code version}.
 */
@Component
public class CommitmentStore {
    public static final String COLLECTION = "commitments";
    private static final int DUPLICATE_KEY = 11000;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** The stored fields that are the record's components as they are (the id is {@code _id}; history is appended). */
    static final List<RecordComponent> STATE = Arrays.stream(Commitment.class.getRecordComponents())
            .filter(component -> !Set.of("id", "history").contains(component.getName())).toList();

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final List<StatusChangeListener> statusListeners;

    public CommitmentStore(MongoTemplate mongo, OutboxRelay relay, List<StatusChangeListener> statusListeners) {
        this.mongo = mongo;
        this.relay = relay;
        this.statusListeners = List.copyOf(statusListeners);
    }

    public Optional<Commitment> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Commitment.class, COLLECTION));
    }

    /** The registered ones among {@code ids}, in one query. */
    List<Commitment> findAll(Collection<String> ids) {
        List<Commitment> found = new ArrayList<>(ids.size());
        for (Document document : collection().find(Filters.in("_id", ids))) {
            found.add(mongo.getConverter().read(Commitment.class, document));
        }
        return found;
    }

    /** Inserts a new commitment (version 1) with its events; false if it exists already. */
    public boolean insert(Commitment commitment, List<OutboxMessage> events) {
        List<Document> outbox = outbox(events);
        try {
            collection().insertOne(newDocument(commitment.withVersion(1), outbox));
        } catch (DuplicateKeyException | com.mongodb.MongoWriteException exists) {
            if (exists instanceof com.mongodb.MongoWriteException w && w.getCode() != DUPLICATE_KEY) {
                relay.sweepSoon();
                throw w;
            }
            return false;
        }
        if (!outbox.isEmpty()) {
            relay.publishSoon(COLLECTION, commitment.id());
        }
        return true;
    }

    /** Writes {@code next} over {@code stored} if the stored version has not moved on meanwhile; false if it has. */
    public boolean update(Commitment stored, Commitment next, List<OutboxMessage> events) {
        VersionedWrite write = new VersionedWrite(stored, next.withVersion(stored.version() + 1), events);
        long matched;
        try {
            matched = collection().updateOne(write.sameVersion(), update(write, outbox(events))).getMatchedCount();
        } catch (RuntimeException e) {
            relay.sweepSoon(); // perhaps written (a timeout): left to the sweep
            throw e;
        }
        if (matched != 1) {
            return false;
        }
        if (!events.isEmpty()) {
            relay.publishSoon(COLLECTION, next.id());
        }
        if (stored.status() != next.status()) {
            tellStatusChanged(List.of(next.id()));
        }
        return true;
    }

    /**
     * The next state of a commitment ({@code next}, with the version it is written with) and its events, to write
     * if the stored version is still that of {@code stored} (null: not registered yet).
     */
    public record VersionedWrite(Commitment stored, Commitment next, List<OutboxMessage> events) {

        /** {@code {_id, version}}, in that order: the shape the compound unique index serves (CommitmentIndexes). */
        Document sameVersion() {
            return new Document("_id", next.id()).append("version", stored == null ? 0L : stored.version());
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
        return bulkWrite(writes, (write, outbox) -> new UpdateOneModel<>(write.sameVersion(), update(write, outbox), UPSERT));
    }

    /**
     * Inserts several new commitments (each with the version it was built to) in one unordered bulk write; returns
     * the ids of those registered by someone else meanwhile (duplicate {@code _id}: nothing of theirs is written).
     */
    public Set<String> insertAll(List<VersionedWrite> writes) {
        return bulkWrite(writes, (write, outbox) -> new InsertOneModel<>(newDocument(write.next(), outbox)));
    }

    /**
     * Runs one unordered bulk write of {@code writes} (one operation each, in that order, given the write and its
     * events as stored), names the written ones to the relay and returns the ids of those refused as
     * duplicate {@code _id}s; any other error is thrown.
     */
    private Set<String> bulkWrite(List<VersionedWrite> writes,
                                  BiFunction<VersionedWrite, List<Document>, WriteModel<Document>> operation) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        List<List<Document>> outboxes = writes.stream().map(write -> outbox(write.events())).toList();
        List<WriteModel<Document>> operations = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            operations.add(operation.apply(writes.get(i), outboxes.get(i)));
        }
        Set<String> conflicts = new HashSet<>();
        try {
            collection().bulkWrite(operations, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    relay.sweepSoon(); // the others were written: their events are left to the sweep
                    throw e;
                }
                conflicts.add(writes.get(error.getIndex()).next().id());
            }
        } catch (RuntimeException e) {
            relay.sweepSoon(); // perhaps written (a timeout): left to the sweep
            throw e;
        }
        // One announcement for the whole write (the relay publishes it as one batch).
        relay.publishSoon(COLLECTION, writes.stream().filter(write -> !write.events().isEmpty())
                .map(write -> write.next().id()).filter(id -> !conflicts.contains(id)).toList());
        tellStatusChanged(writes.stream().filter(w -> w.stored() != null && w.stored().status() != w.next().status())
                .map(w -> w.next().id()).filter(id -> !conflicts.contains(id)).toList());
        return conflicts;
    }

    private void tellStatusChanged(List<String> ids) {
        if (!ids.isEmpty()) {
            statusListeners.forEach(listener -> listener.statusChanged(ids));
        }
    }

    /** Events as the outbox stores them. */
    private List<Document> outbox(List<OutboxMessage> events) {
        return events.stream().map(e -> toDocument((Object) e)).toList();
    }

    /** A new commitment's document: its state, with its events in the outbox. */
    private Document newDocument(Commitment commitment, List<Document> outbox) {
        Document document = toDocument(commitment);
        document.put(OutboxRelay.FIELD, outbox);
        return document;
    }

    /**
     * Only what changed: {@code $set} (or {@code $unset}) of the fields that differ from the stored state, {@code $push}
     * of the history entries added (history only grows) and of the events. The embedded store copies and compares
     * every field a write sets, and the history is most of a document, so a write costs what it changes.
     */
    private Document update(VersionedWrite write, List<Document> outbox) {
        Commitment stored = write.stored();
        Commitment next = write.next();
        Document set = new Document();
        Document unset = new Document();
        for (RecordComponent component : STATE) {
            changed(component.getName(), value(component, stored), value(component, next), set, unset);
        }
        Map<String, Object> derivedBefore = DerivedFields.of(stored);
        DerivedFields.of(next).forEach((field, value) -> changed(field, derivedBefore.get(field), value, set, unset));
        Document push = new Document();
        List<HistoryEntry> before = stored.history();
        List<HistoryEntry> after = next.history();
        if (after.size() >= before.size() && (before.isEmpty() || after.get(before.size() - 1).equals(before.get(before.size() - 1)))) {
            if (after.size() > before.size()) {
                push.put("history", new Document("$each", toMongo(after.subList(before.size(), after.size()))));
            }
        } else {
            set.put("history", toMongo(after)); // not an append (no operation does this today): the whole history
        }
        if (!outbox.isEmpty()) {
            push.put(OutboxRelay.FIELD, new Document("$each", outbox));
        }
        Document update = new Document("$set", set);
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        if (!push.isEmpty()) {
            update.put("$push", push);
        }
        return update;
    }

    private void changed(String field, Object before, Object after, Document set, Document unset) {
        if (!Objects.equals(before, after)) {
            if (after == null) {
                unset.put(field, "");
            } else {
                set.put(field, toMongo(after));
            }
        }
    }

    private static Object value(RecordComponent component, Commitment commitment) {
        try {
            return component.getAccessor().invoke(commitment);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of a commitment", e);
        }
    }

    private Object toMongo(Object value) {
        return mongo.getConverter().convertToMongoType(value);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** The record's components, plus the fields derived from them that queries filter and sort on. */
    Document toDocument(Commitment commitment) {
        Document document = toDocument((Object) commitment);
        document.putAll(DerivedFields.of(commitment));
        return document;
    }

    private Document toDocument(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        return document;
    }
}
