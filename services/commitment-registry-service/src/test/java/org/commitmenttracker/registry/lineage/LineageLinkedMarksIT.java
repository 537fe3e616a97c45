package org.commitmenttracker.registry.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.commitmenttracker.registry.RegistryIT;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.store.Commitments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A store written before the registry kept which communiqués it linked: its communiqués count as linked once, at
 * start-up (the waiting ones excepted), so later communiqués are linked to them; from then on only linking marks one.
 */
@RegistryIT
class LineageLinkedMarksIT {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final String PLEDGE = "The partners will restore the mangroves of the northern delta by planting"
            + " native seedlings.";

    @Autowired
    Commitments commitments;
    @Autowired
    LineageLinker linker;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aStoreFromBeforeTheMarksHasItsCommuniquesLinkedOnceAndLaterOnesLinkToThem() {
        String run = UUID.randomUUID().toString();
        String stored = "doc-marks-stored-" + run;
        String waiting = "doc-marks-waiting-" + run;
        String storedPledge = register(stored, LocalDate.of(2021, 3, 1), run);
        register(waiting, LocalDate.of(2021, 6, 1), run);
        mongo.getCollection(LineageLinker.WAITING).insertOne(new Document("_id", waiting)
                .append("analysed", List.of("cmt-never-registered-" + run)));
        try {
            mongo.dropCollection(LineageLinker.LINKED); // as a store from before the marks

            linker.markLinkedOnce();

            assertThat(marked(stored)).isTrue();
            assertThat(marked(waiting)).as("still waiting for a commitment").isFalse();
            String afterwards = "doc-marks-afterwards-" + run;
            register(afterwards, LocalDate.of(2021, 9, 1), run);
            linker.markLinkedOnce();
            assertThat(marked(afterwards)).as("registered, not linked yet").isFalse();

            // A withdrawal elsewhere leaves the index to build again, from the marked communiqués.
            linker.forget("doc-marks-none-" + run);
            String later = "doc-marks-later-" + run;
            String renewal = register(later, LocalDate.of(2022, 3, 1), run);
            linker.linkCommunique(later, List.of(renewal));

            assertThat(mongo.getCollection(CommitmentLinks.COLLECTION).countDocuments(Filters.and(
                    Filters.eq(CommitmentLinks.FROM, renewal), Filters.eq(CommitmentLinks.TO, storedPledge))))
                    .as("linked to the stored communiqué's pledge").isEqualTo(1);
            assertThat(mongo.getCollection(CommitmentLinks.COLLECTION).countDocuments(Filters.and(
                    Filters.eq(CommitmentLinks.FROM, renewal), Filters.eq(CommitmentLinks.FROM_DOCUMENT, later),
                    Filters.in(CommitmentLinks.TO_DOCUMENT, waiting, afterwards))))
                    .as("not to communiqués never linked").isZero();
            assertThat(marked(later)).isTrue();
        } finally {
            mongo.getCollection(LineageLinker.WAITING).deleteOne(new Document("_id", waiting));
        }
    }

    private boolean marked(String documentId) {
        return mongo.getCollection(LineageLinker.LINKED).countDocuments(new Document("_id", documentId)) == 1;
    }

    /** One commitment of {@code document}, of a series of its own, registered as the consumer would. */
    private String register(String document, LocalDate date, String series) {
        String id = "cmt-marks-" + UUID.randomUUID();
        ExtractedFacts facts = new ExtractedFacts(document, "Joint statement", date, "bullet", 1, 1, PLEDGE, List.of(),
                List.of(), List.of("Delta Forum " + series), List.of("environment"), List.of(), "1.9.0");
        commitments.upsert(id, () -> Commitment.register(id, facts, "extraction", "extracted", "e-" + id, Set.of(),
                DeadlinePolicy.DEFAULT, NOW), c -> {
            throw new AssertionError("not registered yet");
        }, null);
        return id;
    }
}
