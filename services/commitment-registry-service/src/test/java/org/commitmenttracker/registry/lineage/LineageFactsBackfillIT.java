package org.commitmenttracker.registry.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.commitmenttracker.registry.RegistryIT;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.store.CommitmentStore;
import org.commitmenttracker.registry.store.Commitments;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Commitments linked before their lineage facts were stored get them at start-up, so that the list filters on
 * renewals find them; a start with nothing to do changes nothing.
 */
@RegistryIT
class LineageFactsBackfillIT {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    @Autowired
    Commitments commitments;
    @Autowired
    LineageFactsBackfill backfill;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aLinkStoredWithoutItsFactsGetsThemAtStartUp() {
        String series = UUID.randomUUID().toString();
        String first = register("doc-2021-" + series, LocalDate.of(2021, 9, 24));
        String renewal = register("doc-2022-" + series, LocalDate.of(2022, 5, 24));
        // As the first versions stored a link: the link alone, no facts on the renewing commitment.
        mongo.getCollection(CommitmentLinks.COLLECTION).insertOne(new Document("_id", CommitmentLinks.id(renewal, first))
                .append(CommitmentLinks.FROM, renewal).append(CommitmentLinks.TO, first)
                .append(CommitmentLinks.FROM_DOCUMENT, "doc-2022-" + series).append(CommitmentLinks.TO_DOCUMENT, "doc-2021-" + series)
                .append(CommitmentLinks.RELATION, "renews").append("similarity", 0.7));
        MongoCollection<Document> stored = mongo.getCollection(CommitmentStore.COLLECTION);
        assertThat(stored.find(Filters.eq("_id", renewal)).first()).doesNotContainKey(StoredLineageFacts.RENEWALS);
        long version = stored.find(Filters.eq("_id", renewal)).first().getLong("version");

        backfill.run(null);

        Document backfilled = stored.find(Filters.eq("_id", renewal)).first();
        assertThat(backfilled.getInteger(StoredLineageFacts.RENEWALS)).isEqualTo(1);
        assertThat(backfilled.getBoolean(StoredLineageFacts.WITHOUT_PROGRESS)).as("the 2021 pledge is still PLEDGED").isTrue();
        assertThat(backfilled.get(StoredLineageFacts.FIRST_PLEDGED)).isNotNull();
        assertThat(stored.find(Filters.eq("_id", first)).first()).as("renews nothing").doesNotContainKey(StoredLineageFacts.RENEWALS);
        assertThat(stored.countDocuments(Filters.and(Filters.eq("_id", renewal), Filters.eq(StoredLineageFacts.WITHOUT_PROGRESS, true))))
                .as("found by the renewedWithoutProgress filter").isEqualTo(1);
        assertThat(backfilled.getLong("version")).as("derived data, not a write of the commitment").isEqualTo(version);

        backfill.run(null);
        assertThat(withoutOutbox(stored.find(Filters.eq("_id", renewal)).first())).isEqualTo(withoutOutbox(backfilled));
    }

    /** The commitment without the events it waits to publish: the relay drains them whenever it runs. */
    private static Document withoutOutbox(Document commitment) {
        Document copy = new Document(commitment);
        copy.remove(OutboxRelay.FIELD);
        return copy;
    }

    private String register(String document, LocalDate date) {
        String id = "cmt-lineage-backfill-" + UUID.randomUUID();
        ExtractedFacts facts = new ExtractedFacts(document, "Joint statement", date, "bullet", 1, 1,
                "Fund scholarships for engineers.", List.of(), List.of(), List.of("QUAD"), List.of("education"), List.of(), "1.5.0");
        commitments.upsert(id, () -> Commitment.register(id, facts, "extraction", "extracted", "e-" + id, Set.of(),
                DeadlinePolicy.DEFAULT, NOW), c -> {
            throw new AssertionError("not registered yet");
        }, null);
        return id;
    }
}
