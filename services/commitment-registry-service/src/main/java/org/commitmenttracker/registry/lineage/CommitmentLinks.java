package org.commitmenttracker.registry.lineage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.events.CommitmentLinked;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.EventIds;
import org.commitmenttracker.events.EventType;
import org.commitmenttracker.extraction.engine.lineage.CommitmentLink;
import org.commitmenttracker.registry.store.CommitmentEvents;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.BulkWriteOptions;

/**
 * Collection {@value #COLLECTION}: one document per link, {@code _id = from|to} (so a redelivered communiqué writes
 * the same documents again), with both commitments' document ids, the relation, the similarity, the engine version
 * that linked them and when they were first linked, and (in its {@code outbox}, until the relay published it) the
 * {@code commitment.linked.v1} announcing a new link or a new relation, written with it in one update.
 */
@Component
class CommitmentLinks implements InitializingBean {
    static final String COLLECTION = "commitment_links";
    static final String FROM = "from";
    static final String TO = "to";
    static final String FROM_DOCUMENT = "fromDocumentId";
    static final String TO_DOCUMENT = "toDocumentId";

    static final String RELATION = "relation";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final EventCodec codec;
    private final OutboxRelay relay;

    CommitmentLinks(MongoTemplate mongo, Clock clock, EventCodec codec, OutboxRelay relay) {
        this.mongo = mongo;
        this.clock = clock;
        this.codec = codec;
        this.relay = relay;
    }

    /** The lineage endpoint reads by either end, a withdrawal deletes by either document. */
    @Override
    public void afterPropertiesSet() {
        for (String field : List.of(FROM, TO, FROM_DOCUMENT, TO_DOCUMENT)) {
            collection().createIndex(Indexes.ascending(field));
        }
    }

    static String id(String from, String to) {
        return from + "|" + to;
    }

    /**
     * The links of communiqué {@code documentId} as just made: its links are {@code links} (others from it are
     * deleted), and links to its commitments that are no longer {@code current} are deleted. A link new, or with
     * another relation than stored, is announced; one stored as it is (a redelivery, a re-analysis) is not. The
     * announcement says whether the earlier commitment is one of {@code earlierWithoutProgress}.
     */
    void replace(String documentId, Collection<String> current, List<CommitmentLink> links,
                 Set<String> earlierWithoutProgress) {
        List<String> ids = links.stream().map(l -> id(l.from().id(), l.to().id())).toList();
        collection().deleteMany(Filters.and(Filters.eq(FROM_DOCUMENT, documentId), Filters.nin("_id", ids)));
        collection().deleteMany(Filters.and(Filters.eq(TO_DOCUMENT, documentId), Filters.nin(TO, current)));
        if (links.isEmpty()) {
            return;
        }
        Map<String, String> storedRelations = new HashMap<>();
        collection().find(Filters.eq(FROM_DOCUMENT, documentId)).projection(Projections.include(RELATION))
                .forEach(stored -> storedRelations.put(stored.getString("_id"), stored.getString(RELATION)));
        Instant now = clock.instant();
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<String> announced = new ArrayList<>();
        for (CommitmentLink link : links) {
            String id = id(link.from().id(), link.to().id());
            List<Bson> updates = new ArrayList<>(List.of(Updates.set(FROM, link.from().id()), Updates.set(TO, link.to().id()),
                    Updates.set(FROM_DOCUMENT, link.from().documentId()), Updates.set(TO_DOCUMENT, link.to().documentId()),
                    Updates.set(RELATION, link.relation().label()), Updates.set("similarity", link.similarity()),
                    Updates.set("engineVersion", CommuniqueAnalyzer.VERSION), Updates.setOnInsert("linkedAt", now)));
            if (!link.relation().label().equals(storedRelations.get(id))) {
                updates.add(Updates.push(OutboxRelay.FIELD, announcement(link, now, earlierWithoutProgress.contains(link.to().id()))));
                announced.add(id);
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true)));
        }
        try {
            collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (RuntimeException e) {
            relay.sweepSoon(); // some perhaps written: their announcements are left to the sweep
            throw e;
        }
        relay.publishSoon(COLLECTION, announced);
    }

    /**
     * {@code commitment.linked.v1} of {@code link}, as the outbox stores it. Its id is the link and its relation: a
     * link announced again (a write retried after a failure) is recognised by consumers as the same.
     */
    private Document announcement(CommitmentLink link, Instant at, boolean earlierWithoutProgress) {
        CommitmentLinked data = new CommitmentLinked(link.from().id(), link.from().documentId(), link.to().id(),
                link.to().documentId(), link.relation().label(), link.similarity(), CommuniqueAnalyzer.VERSION, at,
                earlierWithoutProgress);
        OutboxMessage message = OutboxMessage.of(EventEnvelope.of(EventIds.of(EventType.COMMITMENT_LINKED.typeName(),
                link.from().id(), link.to().id(), link.relation().label()), CommitmentEvents.SOURCE, data, at, null), codec);
        Document document = new Document();
        mongo.getConverter().write(message, document);
        document.remove("_class");
        return document;
    }

    /** Deletes every link from or to a commitment of {@code documentId}. */
    void deleteTouching(String documentId) {
        collection().deleteMany(Filters.or(Filters.eq(FROM_DOCUMENT, documentId), Filters.eq(TO_DOCUMENT, documentId)));
    }

    /** The links in which {@code commitmentId} is {@code end} ({@value #FROM} or {@value #TO}). */
    List<Document> withEnd(String end, String commitmentId) {
        return collection().find(Filters.eq(end, commitmentId)).into(new ArrayList<>());
    }

    /** The links from any of {@code commitmentIds} to earlier commitments. */
    List<LineageChains.Link> from(Collection<String> commitmentIds) {
        return links(Filters.in(FROM, commitmentIds));
    }

    /** The links to any of {@code commitmentIds} from later commitments. */
    List<LineageChains.Link> to(Collection<String> commitmentIds) {
        return links(Filters.in(TO, commitmentIds));
    }

    /** Every link. */
    List<LineageChains.Link> all() {
        return links(new Document());
    }

    /** The links to commitments of communiqué {@code documentId}. */
    List<LineageChains.Link> toDocument(String documentId) {
        return links(Filters.eq(TO_DOCUMENT, documentId));
    }

    private List<LineageChains.Link> links(Bson filter) {
        List<LineageChains.Link> found = new ArrayList<>();
        for (Document link : collection().find(filter).projection(Projections.include(FROM, TO))) {
            found.add(new LineageChains.Link(link.getString(FROM), link.getString(TO)));
        }
        return found;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
