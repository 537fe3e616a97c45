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

/** Commitments stored before the derived fields existed get them at start-up; a later write would never add them. */
@RegistryIT
class DerivedFieldsBackfillIT {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    @Autowired
    Commitments commitments;
    @Autowired
    DerivedFieldsBackfill backfill;
    @Autowired
    MongoTemplate mongo;

    @Test
    void storedCommitmentsWithoutTheirDerivedFieldsGetThem() {
        String document = "doc-backfill-" + UUID.randomUUID();
        List<String> ids = List.of(register(document, 7), register(document, 12));
        MongoCollection<Document> stored = mongo.getCollection(CommitmentStore.COLLECTION);
        // As the first versions wrote them: without the sort key or the copies of the facts.
        stored.updateMany(Filters.in("_id", ids), Updates.combine(Updates.unset(DerivedFields.DOCUMENT_ORDER),
                Updates.unset(DerivedFields.DOCUMENT_ID), Updates.unset(DerivedFields.SECTION),
                Updates.unset(DerivedFields.TOPICS), Updates.unset(DerivedFields.PARTIES),
                Updates.unset(DerivedFields.ORGANISATIONS)));
        // A write that changes none of the facts does not add them.
        commitments.update(ids.get(0), c -> c.assign(List.of("mofcom"), "operator", NOW), null);
        assertThat(stored.countDocuments(Filters.and(Filters.in("_id", ids), Filters.or(
                Filters.exists(DerivedFields.DOCUMENT_ORDER), Filters.exists(DerivedFields.TOPICS))))).isZero();
        long versionBefore = stored.find(Filters.eq("_id", ids.get(0))).first().getLong("version");

        backfill.run(null);

        assertThat(stored.find(Filters.in("_id", ids)).map(d -> d.getString(DerivedFields.DOCUMENT_ORDER)))
                .containsExactlyInAnyOrder(DerivedFields.documentOrder(document, 7), DerivedFields.documentOrder(document, 12));
        for (Document backfilled : stored.find(Filters.in("_id", ids))) {
            assertThat(backfilled.getString(DerivedFields.DOCUMENT_ID)).isEqualTo(document);
            assertThat(backfilled.getInteger(DerivedFields.SECTION)).isEqualTo(1);
            assertThat(backfilled.getList(DerivedFields.TOPICS, String.class)).containsExactly("trade");
            assertThat(backfilled.getList(DerivedFields.PARTIES, String.class)).containsExactly("CN", "RU");
            assertThat(backfilled.getList(DerivedFields.ORGANISATIONS, String.class)).containsExactly("SCO");
        }
        // The filters on the facts find them now; the backfill is not a write of the commitment.
        assertThat(stored.countDocuments(Filters.and(Filters.in("_id", ids), Filters.eq(DerivedFields.TOPICS, "trade"),
                Filters.eq(DerivedFields.ORGANISATIONS, "SCO")))).isEqualTo(2);
        assertThat(stored.find(Filters.eq("_id", ids.get(0))).first().getLong("version")).isEqualTo(versionBefore);
    }

    private String register(String document, int ordinal) {
        String id = "cmt-backfill-" + UUID.randomUUID();
        ExtractedFacts facts = new ExtractedFacts(document, "公报", null, "bullet", 1, ordinal, "支持举办博览会。",
                List.of("CN", "RU"), List.of(), List.of("SCO"), List.of("trade"), List.of(), "1.0.0");
        commitments.upsert(id, () -> Commitment.register(id, facts, "extraction", "extracted", "e-" + id, Set.of(),
                DeadlinePolicy.DEFAULT, NOW), c -> {
            throw new AssertionError("not registered yet");
        }, null);
        return id;
    }
}
