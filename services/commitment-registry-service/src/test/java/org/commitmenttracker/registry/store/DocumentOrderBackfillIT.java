package org.commitmenttracker.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.commitmenttracker.registry.RegistryIT;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Commitments stored before the document order existed get it at start-up; a later write would never add it. */
@RegistryIT
class DocumentOrderBackfillIT {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    @Autowired
    Commitments commitments;
    @Autowired
    DocumentOrderBackfill backfill;
    @Autowired
    MongoTemplate mongo;

    @Test
    void storedCommitmentsWithoutTheirDocumentOrderGetIt() {
        String document = "doc-backfill-" + UUID.randomUUID();
        List<String> ids = List.of(register(document, 7), register(document, 12));
        MongoCollection<Document> stored = mongo.getCollection(CommitmentStore.COLLECTION);
        stored.updateMany(Filters.in("_id", ids), Updates.unset(CommitmentStore.DOCUMENT_ORDER)); // as written before
        // A write that changes neither the document nor the ordinal does not add it.
        commitments.update(ids.get(0), c -> c.assign(List.of("mofcom"), "operator", NOW), null);
        assertThat(stored.countDocuments(Filters.and(Filters.in("_id", ids), Filters.exists(CommitmentStore.DOCUMENT_ORDER))))
                .isZero();

        backfill.run(null);

        assertThat(stored.find(Filters.in("_id", ids)).map(d -> d.getString(CommitmentStore.DOCUMENT_ORDER)))
                .containsExactlyInAnyOrder(CommitmentStore.documentOrder(document, 7), CommitmentStore.documentOrder(document, 12));
    }

    private String register(String document, int ordinal) {
        String id = "cmt-backfill-" + UUID.randomUUID();
        ExtractedFacts facts = new ExtractedFacts(document, "公报", null, "bullet", 1, ordinal, "支持举办博览会。",
                List.of("CN", "RU"), List.of(), List.of(), List.of("trade"), List.of(), "1.0.0");
        commitments.upsert(id, () -> Commitment.register(id, facts, "extraction", "extracted", "e-" + id, Set.of(),
                DeadlinePolicy.DEFAULT, NOW), c -> {
            throw new AssertionError("not registered yet");
        }, null);
        return id;
    }
}
