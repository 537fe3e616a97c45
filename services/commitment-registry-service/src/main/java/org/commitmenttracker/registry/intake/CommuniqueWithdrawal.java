package org.commitmenttracker.registry.intake;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lineage.LineageLinker;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.registry.store.CommitmentFilter;
import org.commitmenttracker.registry.store.CommitmentQueries;
import org.commitmenttracker.registry.store.Commitments;
import org.springframework.stereotype.Service;

/**
 * Withdraws commitments, keeping each one's history: all of a withdrawn communiqué, or those a newer analysis
 * of their document no longer finds (never the ones analysts added by hand). A withdrawn communiqué's lineage
 * links go with it ({@link LineageLinker#forget}).
 */
@Service
class CommuniqueWithdrawal {
    private final CommitmentQueries queries;
    private final Commitments commitments;
    private final LineageLinker linker;
    private final Clock clock;

    CommuniqueWithdrawal(CommitmentQueries queries, Commitments commitments, LineageLinker linker, Clock clock) {
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

    void withdrawDropped(EventEnvelope<CommuniqueAnalysed> event) {
        CommuniqueAnalysed analysed = event.data();
        Set<String> found = Set.copyOf(analysed.commitmentIds());
        for (Commitment commitment : ofDocument(analysed.documentId())) {
            boolean extracted = commitment.facts() != null && !"manual".equals(commitment.facts().kind());
            if (extracted && !found.contains(commitment.id())) {
                commitments.update(commitment.id(), c -> c.withdraw(Commitment.EXTRACTION,
                        "no longer found by engine " + analysed.engineVersion(), event.id().toString(), clock.instant()),
                        Traceparent.childOf(event.traceparent()));
            }
        }
    }

    private List<Commitment> ofDocument(String documentId) {
        return queries.withoutHistory(CommitmentFilter.ofDocument(documentId).criteria());
    }
}
