package org.commitmenttracker.registry.intake;

import java.time.Clock;
import java.util.List;

import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.registry.store.Commitments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Withdraws every commitment of a withdrawn communiqué, keeping each one's history. */
@Service
class CommuniqueWithdrawal {
    private final MongoTemplate mongo;
    private final Commitments commitments;
    private final Clock clock;

    CommuniqueWithdrawal(MongoTemplate mongo, Commitments commitments, Clock clock) {
        this.mongo = mongo;
        this.commitments = commitments;
        this.clock = clock;
    }

    void withdraw(EventEnvelope<CommuniqueWithdrawn> event) {
        CommuniqueWithdrawn withdrawn = event.data();
        Query ofDocument = Query.query(Criteria.where("facts.documentId").is(withdrawn.documentId()));
        ofDocument.fields().include("_id");
        List<String> ids = mongo.find(ofDocument, org.bson.Document.class, CommitmentStore.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
        String actor = withdrawn.actor() == null ? "ingestion" : withdrawn.actor();
        for (String id : ids) {
            commitments.update(id, c -> c.withdraw(actor, "communiqué withdrawn: " + withdrawn.reason(),
                    event.id().toString(), clock.instant()), Traceparent.childOf(event.traceparent()));
        }
    }
}
