package org.commitmenttracker.registry.lineage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.bson.Document;
import org.commitmenttracker.extraction.engine.Commitment.Kind;
import org.commitmenttracker.extraction.engine.lineage.CommitmentLink;
import org.commitmenttracker.extraction.engine.lineage.LineageCommitment;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.store.CommitmentFilter;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Links each communiqué's commitments, once they are all registered, to the earlier commitments of other
 * communiqués that they repeat, renew or fulfil ({@link RegisteredLineage} over the engine's lineage index), and
 * keeps the links in {@link CommitmentLinks}. The index holds the communiqués linked so far ({@value #LINKED});
 * it is built from their commitments that are not withdrawn, communiqué by communiqué in date order, on first use
 * after start and after a withdrawal. One communiqué is linked at a time (the consumer threads share the index).
 * <p>A communiqué's analysis often arrives before some of its commitments are registered (they come on other
 * partitions, to other consumers): it then waits, in {@value #WAITING}, and is linked by the first poll after which
 * every commitment its analysis found is registered ({@link #linkCompleted}). A build holds linked communiqués only,
 * never one whose commitments are still arriving: holding one in part would cost another build when the rest
 * arrives, for each such communiqué of a burst of uploads. Each build counts in {@value #BUILDS}.
 */
@Service
public class LineageLinker implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(LineageLinker.class);
    /** Communiqués analysed but not all registered yet: {@code _id} the document id, {@code analysed} the ids. */
    public static final String WAITING = "lineage_waiting";
    /** The communiqués the index holds: {@code _id} the document id. */
    public static final String LINKED = "lineage_linked";
    private static final int NAMESPACE_EXISTS = 48;
    /** The meter counting the builds of the index from the store. */
    public static final String BUILDS = "lineage.index.builds";

    private final MongoTemplate mongo;
    private final CommitmentQueries queries;
    private final CommitmentLinks links;
    private final StoredLineageFacts facts;
    private final RegisteredLineage lineage = new RegisteredLineage();
    private final Counter builds;
    private boolean stale = true;
    /** Whether a communiqué may wait; at start unknown (the previous run may have left some). */
    private boolean mayWait = true;

    LineageLinker(MongoTemplate mongo, CommitmentQueries queries, CommitmentLinks links, StoredLineageFacts facts,
                  MeterRegistry meters) {
        this.mongo = mongo;
        this.queries = queries;
        this.links = links;
        this.facts = facts;
        this.builds = Counter.builder(BUILDS).description("Builds of the lineage index from the stored commitments")
                .register(meters);
    }

    /**
     * Links communiqué {@code documentId}'s commitments that are not withdrawn, as one batch, and stores the links.
     * A redelivery (the same commitments) writes the same links again; a new analysis with other commitments
     * replaces the communiqué's links. {@code analysed} are the commitments its analysis found: while one is not
     * registered yet (its record is on a partition that lags) the communiqué waits instead ({@link #linkCompleted});
     * one registered and withdrawn since counts as registered.
     */
    public synchronized void linkCommunique(String documentId, Collection<String> analysed) {
        List<Commitment> ofDocument = queries.withoutHistory(CommitmentFilter.ofDocument(documentId).criteria());
        // A withdrawn one (rejected by an analyst) is registered all the same: waiting for it would never end.
        Set<String> registered = ofDocument.stream().map(Commitment::id).collect(Collectors.toSet());
        List<LineageCommitment> communique = byCommunique(ofDocument).getOrDefault(documentId, List.of());
        long missing = analysed.stream().filter(id -> !registered.contains(id)).count();
        if (missing > 0) {
            if (waitFor(documentId, analysed)) { // said once: a communiqué checked again after each poll says nothing new
                log.info("Communiqué {} waits for {} of its analysed commitments before it is linked", documentId, missing);
            }
            return;
        }
        try {
            link(documentId, communique);
        } catch (RuntimeException e) {
            // Links are derived data: a communiqué that cannot be linked now must not hold up the registration of
            // commitments. It waits and is tried again after the next poll (a store outage fails the wait too, and
            // with it the poll, which is redelivered).
            waitFor(documentId, analysed);
            log.warn("Communiqué {} could not be linked; tried again after the next poll", documentId, e);
            return;
        }
        mongo.getCollection(WAITING).deleteOne(new Document("_id", documentId));
    }

    /** Keeps communiqué {@code documentId} waiting to be linked; true when it was not waiting yet. */
    private boolean waitFor(String documentId, Collection<String> analysed) {
        boolean began = mongo.getCollection(WAITING).replaceOne(new Document("_id", documentId),
                new Document("_id", documentId).append("analysed", List.copyOf(analysed)), new ReplaceOptions().upsert(true))
                .getUpsertedId() != null;
        mayWait = true;
        return began;
    }

    /**
     * Links the waiting communiqués whose analysed commitments are now all registered (after each poll of
     * commitments). Nothing is read once none waits, until one does.
     */
    public synchronized void linkCompleted() {
        if (!mayWait) {
            return;
        }
        List<Document> waiting = mongo.getCollection(WAITING).find().into(new ArrayList<>());
        for (Document communique : waiting) {
            linkCommunique(communique.getString("_id"), communique.getList("analysed", String.class));
        }
        mayWait = mongo.getCollection(WAITING).countDocuments() > 0;
    }

    private void link(String documentId, List<LineageCommitment> communique) {
        if (stale) {
            rebuildWithout(Set.of());
        }
        Optional<List<CommitmentLink>> linked = lineage.linksIfRegistered(documentId, communique);
        if (linked.isPresent()) {
            replaceLinks(documentId, communique, linked.get());
            return;
        }
        if (lineage.holds(documentId)) {
            rebuildWithout(Set.of(documentId));
        }
        List<CommitmentLink> made = lineage.register(communique);
        replaceLinks(documentId, communique, made);
        mongo.getCollection(LINKED).replaceOne(new Document("_id", documentId), new Document("_id", documentId),
                new ReplaceOptions().upsert(true));
        log.info("Linked communiqué {}: {} commitments, {} links to earlier ones", documentId, communique.size(),
                made.size());
    }

    /**
     * Stores the communiqué's links (each announcement saying whether the earlier commitment's chain made no
     * progress), then the lineage facts of its commitments and of those that renewed one of them (a link to a
     * commitment no longer found goes).
     */
    private void replaceLinks(String documentId, List<LineageCommitment> communique, List<CommitmentLink> made) {
        List<String> changed = new ArrayList<>(ids(communique));
        links.toDocument(documentId).forEach(link -> changed.add(link.from()));
        links.replace(documentId, ids(communique), made,
                facts.withoutProgress(made.stream().map(link -> link.to().id()).distinct().toList()));
        facts.refresh(changed);
    }

    /**
     * Forgets withdrawn communiqué {@code documentId} (its commitments are withdrawn already): deletes the links
     * from and to its commitments, and builds the index again without it before the next communiqué is linked.
     */
    public synchronized void forget(String documentId) {
        mongo.getCollection(WAITING).deleteOne(new Document("_id", documentId));
        mongo.getCollection(LINKED).deleteOne(new Document("_id", documentId));
        List<String> renewedOne = links.toDocument(documentId).stream().map(LineageChains.Link::from).toList();
        links.deleteTouching(documentId);
        facts.refresh(renewedOne);
        stale = true;
    }

    /** Builds the index from the linked communiqués but {@code left}. */
    private void rebuildWithout(Set<String> left) {
        Set<String> held = storedIds(LINKED);
        held.removeAll(left);
        // All live commitments filtered here: the embedded store scans an $in list for every document.
        Map<String, List<LineageCommitment>> all = communiques();
        all.keySet().retainAll(held);
        lineage.rebuild(List.copyOf(all.values()));
        stale = false;
        builds.increment();
        log.info("Lineage index built: {} communiqués, {} commitments", all.size(), lineage.size());
    }

    @Override
    public void afterPropertiesSet() {
        markLinkedOnce();
    }

    /**
     * Marks every stored communiqué that is not waiting as linked, once, in a store written before the marks were
     * kept (they were all linked then, or are waiting); the collection exists from then on. Run at start-up, before
     * the consumers start.
     */
    synchronized void markLinkedOnce() {
        if (mongo.collectionExists(LINKED)) {
            return;
        }
        Set<String> waiting = storedIds(WAITING);
        // Upserts and a tolerated "exists": replicas starting together may both mark the same store.
        List<WriteModel<Document>> marks = communiques().keySet().stream()
                .filter(id -> !waiting.contains(id))
                .<WriteModel<Document>>map(id -> new ReplaceOneModel<>(Filters.eq("_id", id), new Document("_id", id),
                        new ReplaceOptions().upsert(true)))
                .toList();
        if (!marks.isEmpty()) {
            mongo.getCollection(LINKED).bulkWrite(marks, new BulkWriteOptions().ordered(false));
        } else {
            try {
                mongo.getDb().createCollection(LINKED);
            } catch (MongoCommandException e) {
                if (e.getErrorCode() != NAMESPACE_EXISTS) {
                    throw e;
                }
            }
        }
        log.info("Marked the {} communiqués stored before lineage marks were kept as linked", marks.size());
    }

    /** The stored commitments that are not withdrawn, by communiqué in date order (undated last). */
    private Map<String, List<LineageCommitment>> communiques() {
        return byCommunique(queries.withoutHistory(Criteria.where("status").ne(CommitmentStatus.WITHDRAWN.name())));
    }

    /** The ids of a collection's documents (communiqué ids, in {@value #LINKED} and {@value #WAITING}). */
    private Set<String> storedIds(String collection) {
        Set<String> ids = new HashSet<>();
        mongo.getCollection(collection).find().projection(Projections.include("_id"))
                .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    /** Those of {@code commitments} that are not withdrawn, by communiqué in date order (undated last). */
    private static Map<String, List<LineageCommitment>> byCommunique(List<Commitment> commitments) {
        return commitments.stream()
                .filter(c -> c.status() != CommitmentStatus.WITHDRAWN && c.facts() != null && c.facts().documentId() != null)
                .sorted(Comparator.comparing((Commitment c) -> c.facts().documentDate(),
                                Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                        .thenComparing(c -> c.facts().documentId())
                        .thenComparingInt(c -> c.facts().ordinal())
                        .thenComparing(Commitment::id))
                .collect(Collectors.groupingBy(c -> c.facts().documentId(), LinkedHashMap::new,
                        Collectors.mapping(LineageLinker::lineageCommitment, Collectors.toList())));
    }

    /** A registered commitment as the index sees it; the language is told by its characters. */
    static LineageCommitment lineageCommitment(Commitment commitment) {
        ExtractedFacts facts = commitment.facts();
        return new LineageCommitment(facts.documentId(), facts.documentDate(), null, facts.parties(),
                facts.organisations(), kind(facts.kind()), commitment.id(), facts.text());
    }

    /** The engine's kind of an extracted commitment; none for one an analyst added by hand. */
    private static Kind kind(String kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "bullet" -> Kind.BULLET;
            case "narrative" -> Kind.NARRATIVE;
            default -> null;
        };
    }

    private static List<String> ids(List<LineageCommitment> communique) {
        return communique.stream().map(LineageCommitment::id).toList();
    }
}
