package org.commitmenttracker.registry.intake;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lineage.LineageLinker;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.registry.store.CommitmentFilter;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.commitmenttracker.registry.store.Commitments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Withdraws commitments, keeping each one's history: all of a withdrawn communiqué, or those a newer analysis
 * of their document no longer finds (never the ones analysts added by hand; never by an analysis older than one
 * applied already). A withdrawn communiqué's lineage
 * links go with it ({@link LineageLinker#forget}).
 */
@Service
class CommuniqueWithdrawal {
    /** The latest analysis applied per communiqué: {@code _id} the document id, {@value #ANALYSED_AT} its time. */
    static final String ANALYSES = "communique_analyses";
    private static final String ANALYSED_AT = "analysedAt";
    private static final Logger log = LoggerFactory.getLogger(CommuniqueWithdrawal.class);
    private final CommitmentQueries queries;
    private final Commitments commitments;
    private final LineageLinker linker;
    private final Clock clock;
    private final MongoTemplate mongo;

    CommuniqueWithdrawal(CommitmentQueries queries, Commitments commitments, LineageLinker linker, Clock clock,
                         MongoTemplate mongo) {
        this.mongo = mongo;
        this.queries = queries;
        this.commitments = commitments;
        this.linker = linker;
        this.clock = clock;
    }

    void withdraw(EventEnvelope<CommuniqueWithdrawn> event) {
        CommuniqueWithdrawn withdrawn = event.data();
        String actor = withdrawn.actor() == null ? "ingestion" : withdrawn.actor();
        for (Commitment commitment : ofDocument(withdrawn.documentId())) {
            commitments.update(commitment.id(), c -> c.withdraw(actor, "communiqué withdrawn: "
                    + withdrawn.reason(), event.id().toString(), clock.instant()), Traceparent.childOf(event.traceparent()));
        }
        linker.forget(withdrawn.documentId());
    }

    /**
     * Withdraws the commitments of the analysed document that {@code event}'s analysis did not find, if it is the
     * document's latest analysis applied so far; false (nothing done) for an older one applied late (its records
     * keyed otherwise, on a partition that lagged, or replayed): what a later analysis found stays.
     */
    boolean withdrawDropped(EventEnvelope<CommuniqueAnalysed> event) {
        CommuniqueAnalysed analysed = event.data();
        if (!isLatest(analysed)) {
            log.info("Analysis of {} by engine {} at {} is older than one applied already: ignored",
                    analysed.documentId(), analysed.engineVersion(), analysed.analysedAt());
            return false;
        }
        Set<String> found = Set.copyOf(analysed.commitmentIds());
        for (Commitment commitment : ofDocument(analysed.documentId())) {
            boolean extracted = commitment.facts() != null && !"manual".equals(commitment.facts().kind());
            if (extracted && !found.contains(commitment.id())) {
                commitments.update(commitment.id(), c -> c.withdraw(Commitment.EXTRACTION,
                        "no longer found by engine " + analysed.engineVersion(), event.id().toString(), clock.instant()),
                        Traceparent.childOf(event.traceparent()));
            }
        }
        return true;
    }

    /**
     * Whether {@code analysed} is its document's latest analysis applied (the same one again included): keeps the
     * latest time per document ({@value #ANALYSES}), raised atomically so that racing consumers agree.
     */
    private boolean isLatest(CommuniqueAnalysed analysed) {
        if (analysed.analysedAt() == null) {
            return true; // cannot be ordered: applied as it comes
        }
        Date at = Date.from(analysed.analysedAt()); // as stored: to the millisecond
        Document latest = mongo.getCollection(ANALYSES).findOneAndUpdate(Filters.eq("_id", analysed.documentId()),
                Updates.max(ANALYSED_AT, at), new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return latest == null || !latest.getDate(ANALYSED_AT).after(at);
    }

    private List<Commitment> ofDocument(String documentId) {
        return queries.withoutHistory(CommitmentFilter.ofDocument(documentId).criteria());
    }
}
