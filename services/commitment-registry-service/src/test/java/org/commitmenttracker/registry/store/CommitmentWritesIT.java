package org.commitmenttracker.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.commitmenttracker.events.TimeExpression;
import org.commitmenttracker.registry.RegistryIT;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.Correction;
import org.commitmenttracker.registry.lifecycle.DeadlinePolicy;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.lifecycle.Outcome;
import org.commitmenttracker.registry.lifecycle.ProgressReport;
import org.commitmenttracker.registry.store.Commitments.Step;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A versioned write sends only what changed ({@code $set}/{@code $unset} of fields, {@code $push} of history):
 * after every kind of operation, through the single and the batch path, the stored document is exactly the one a
 * full write of the same state would store.
 */
@RegistryIT
class CommitmentWritesIT {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final DeadlinePolicy POLICY = DeadlinePolicy.DEFAULT;

    @Autowired
    Commitments commitments;
    @Autowired
    CommitmentStore store;
    @Autowired
    MongoTemplate mongo;

    @Test
    void everyOperationLeavesTheDocumentAFullWriteWouldStore() {
        String id = "cmt-writes-" + UUID.randomUUID();
        ExtractedFacts facts = new ExtractedFacts("doc-writes", "公报", LocalDate.of(2025, 12, 5), "bullet", 2, 3,
                "支持举办第七届中俄博览会。", List.of("CN", "RU"), List.of(), List.of(), List.of("trade"),
                List.of(new TimeExpression("2026年", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), false)), "1.0.0");
        Outcome registered = commitments.upsert(id,
                () -> Commitment.register(id, facts, "extraction", "extracted", "e0", Set.of(), POLICY, NOW), c -> {
                    throw new AssertionError("not registered yet");
                }, null);
        assertStoredAsWritten(id, registered.next());

        Map<String, Function<Commitment, Outcome>> operations = new LinkedHashMap<>();
        operations.put("assign", c -> c.assign(List.of("mofcom", "ndrc"), "operator", NOW));
        operations.put("report a status, percent and evidence", c -> c.report(new ProgressReport("r1", "mofcom",
                CommitmentStatus.IN_PROGRESS, 40, "started", List.of("https://example.org/a"), NOW), NOW));
        operations.put("report percent only", c -> c.report(new ProgressReport("r2", "ndrc", null, 55, "more",
                List.of("https://example.org/b"), NOW.plusSeconds(60)), NOW.plusSeconds(60)));
        operations.put("report out of order", c -> c.report(new ProgressReport("r3", "ndrc", CommitmentStatus.STALLED, 10,
                "late", List.of(), NOW.minusSeconds(60)), NOW.plusSeconds(90)));
        operations.put("correct text and due date", c -> c.correct(new Correction("支持举办博览会。", null,
                LocalDate.of(2026, 6, 30), null, null), "analyst", "typo", POLICY, NOW.plusSeconds(120)));
        // The top-level copies the lists filter on follow the corrected facts.
        operations.put("correct section, parties and topics", c -> c.correct(new Correction(null, 5, null,
                List.of("CN", "RU", "KZ"), List.of("trade", "energy")), "analyst", "scope", POLICY, NOW.plusSeconds(125)));
        // A new engine places it elsewhere in its document: the stored sort key moves with it.
        operations.put("re-extracted at another ordinal", c -> c.reextracted(new ExtractedFacts("doc-writes", "公报",
                LocalDate.of(2025, 12, 5), "bullet", 2, 4, "支持举办第七届中俄博览会。", List.of("CN", "RU"), List.of(),
                List.of("SCO"), List.of("trade"), facts.timeExpressions(), "1.1.0"), "e1", POLICY, NOW.plusSeconds(130)));
        operations.put("check deadlines", c -> c.checkDeadlines(LocalDate.of(2026, 6, 25), POLICY, NOW.plusSeconds(150)));
        // Completing closes the commitment: its next deadline check goes away and must not stay in the document.
        operations.put("complete", c -> c.changeStatus(CommitmentStatus.COMPLETED, "operator", "done", null,
                NOW.plusSeconds(180)));
        boolean batch = false;
        for (Map.Entry<String, Function<Commitment, Outcome>> operation : operations.entrySet()) {
            Commitment before = commitments.find(id).orElseThrow();
            if (batch) {
                assertThat(commitments.updateAll(Map.of(id, List.of(new Step(operation.getValue(), null)))).get(id))
                        .as(operation.getKey()).containsOnlyNulls();
            } else {
                commitments.update(id, operation.getValue(), null);
            }
            Commitment after = operation.getValue().apply(before).next().withVersion(before.version() + 1);
            assertThat(commitments.find(id)).as(operation.getKey()).contains(after);
            assertStoredAsWritten(id, after);
            batch = !batch;
        }
        assertThat(commitments.find(id).orElseThrow().nextDeadlineCheck()).isNull();
        // The corrected facts won over the re-extraction; the organisations came from it.
        Document stored = mongo.getCollection(CommitmentStore.COLLECTION).find(Filters.eq("_id", id)).first();
        assertThat(stored.getInteger(DerivedFields.SECTION)).isEqualTo(5);
        assertThat(stored.getList(DerivedFields.TOPICS, String.class)).containsExactly("trade", "energy");
        assertThat(stored.getList(DerivedFields.PARTIES, String.class)).containsExactly("CN", "RU", "KZ");
        assertThat(stored.getList(DerivedFields.ORGANISATIONS, String.class)).containsExactly("SCO");
    }

    private void assertStoredAsWritten(String id, Commitment expected) {
        MongoCollection<Document> collection = mongo.getCollection(CommitmentStore.COLLECTION);
        Document stored = collection.find(Filters.eq("_id", id)).first();
        assertThat(stored).isNotNull();
        stored.remove(OutboxRelay.FIELD);
        // As the store keeps it: through BSON and back (a LocalDate is a date there).
        Codec<Document> codec = collection.getCodecRegistry().get(Document.class);
        assertThat(stored).isEqualTo(new RawBsonDocument(store.toDocument(expected), codec).decode(codec));
    }
}
