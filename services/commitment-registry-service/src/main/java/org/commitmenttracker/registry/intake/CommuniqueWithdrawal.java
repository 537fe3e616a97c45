package org.commitmenttracker.registry.intake;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.bson.Document;

import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lineage.LineageLinker;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.registry.store.DerivedFields;
import org.commitmenttracker.registry.store.Commitments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Withdraws commitments, keeping each one's history: all of a withdrawn communiqué, or those a newer analysis
 * of their document no longer finds (never the ones analysts added by hand). A withdrawn communiqué's lineage
 * links go with it ({@link LineageLinker#forget}).
 */
@Service
class CommuniqueWithdrawal {
    private final MongoTemplate mongo;
    private final Commitments commitments;
    private final LineageLinker linker;
    private final Clock clock;

    CommuniqueWithdrawal(MongoTemplate mongo, Commitments commitments, LineageLinker linker, Clock clock) {
        this.mongo = mongo;
        this.commitments = commitments;
        this.linker = linker;
        this.clock = clock;
    }

    void withdraw(EventEnvelope<CommuniqueWithdrawn> event) {
        CommuniqueWithdrawn withdrawn = event.data();
        String actor = withdrawn.actor() == null ? "ingestion" : withdrawn.actor();
        for (Document commitment : ofDocument(withdrawn.documentId())) {
            commitments.update(commitment.getString("_id"), c -> c.withdraw(actor, "communiqué withdrawn: "
                    + withdrawn.reason(), event.id().toString(), clock.instant()), Traceparent.childOf(event.traceparent()));
        }
        linker.forget(withdrawn.documentId());
    }

    void withdrawDropped(EventEnvelope<CommuniqueAnalysed> event) {
        CommuniqueAnalysed analysed = event.data();
        Set<String> found = Set.copyOf(analysed.commitmentIds());
        for (Document commitment : ofDocument(analysed.documentId())) {
            Document facts = commitment.get("facts", Document.class);
            boolean extracted = facts != null && !"manual".equals(facts.getString("kind"));
            if (extracted && !found.contains(commitment.getString("_id"))) {
                commitments.update(commitment.getString("_id"), c -> c.withdraw(Commitment.EXTRACTION,
                        "no longer found by engine " + analysed.engineVersion(), event.id().toString(), clock.instant()),
                        Traceparent.childOf(event.traceparent()));
            }
        }
    }

    private List<Document> ofDocument(String documentId) {
        Query query = Query.query(Criteria.where(DerivedFields.DOCUMENT_ID).is(documentId));
        query.fields().include("_id").include("facts.kind");
        return mongo.find(query, Document.class, CommitmentStore.COLLECTION);
    }
}
