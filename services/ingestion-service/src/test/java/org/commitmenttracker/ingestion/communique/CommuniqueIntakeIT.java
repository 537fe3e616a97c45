package org.commitmenttracker.ingestion.communique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.ingestion.IngestionLimits;
import org.commitmenttracker.ingestion.text.DocumentRejected;
import org.commitmenttracker.service.config.KafkaSettings;
import org.commitmenttracker.ingestion.original.OriginalStore;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.commitmenttracker.testsupport.TestStack;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.unit.DataSize;

/**
 * An insert that fails without saying whether it happened: what the store holds decides, so a communiqué the store
 * did keep never loses its original, and one it did not keep leaves no chunks behind.
 */
@UsesTestStack(database = "ingestion-intake-it")
class CommuniqueIntakeIT {
    private static final String DATABASE = "ingestion-intake-it";
    private final OutboxRelay relay = mock(OutboxRelay.class);
    private final IngestionLimits limits = new IngestionLimits(DataSize.ofMegabytes(20), DataSize.ofMegabytes(2), 0.85, null);
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC);
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestStack.get().mongoUri(DATABASE));
        mongo = new MongoTemplate(client, DATABASE);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void anInsertTheStoreAppliedBeforeTimingOutKeepsItsOriginalAndIsAnnounced() throws Exception {
        MongoTemplate timesOutAfterApplying = new MongoTemplate(client, DATABASE) {
            @Override
            public <T> T insert(T objectToSave) {
                super.insert(objectToSave);
                throw new DataAccessResourceFailureException("Timed out waiting for the server's answer");
            }
        };
        Submission submission = submission();

        CommuniqueIntake.Outcome outcome = intake(timesOutAfterApplying).submit(submission, "publisher-a");

        assertThat(outcome.created()).isTrue();
        Communique.OriginalFile original = outcome.communique().original();
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        new OriginalStore(mongo).writeTo(original.id(), original.chunks(), stored);
        assertThat(stored.toByteArray()).isEqualTo(submission.original().content().open().readAllBytes());
        verify(relay).publishSoon(Communique.COLLECTION, outcome.communique().id());
    }

    @Test
    void anInsertTheStoreNeverAppliedLeavesNoChunksAndFails() {
        MongoTemplate failsBeforeApplying = new MongoTemplate(client, DATABASE) {
            @Override
            public <T> T insert(T objectToSave) {
                throw new DataAccessResourceFailureException("Connection reset");
            }
        };
        long chunksBefore = mongo.getCollection(OriginalStore.COLLECTION).countDocuments();

        assertThatThrownBy(() -> intake(failsBeforeApplying).submit(submission(), "publisher-a"))
                .isInstanceOf(DataAccessResourceFailureException.class);

        assertThat(mongo.getCollection(OriginalStore.COLLECTION).countDocuments()).isEqualTo(chunksBefore);
    }

    /** A text under the text limit whose event would not fit in a record is refused before anything is stored. */
    @Test
    void aTextWhoseEventExceedsTheRecordLimitIsRefusedAndNothingStored() {
        // 1.5 MB of control characters (as a PDF without a character map gives) is 9 MB of JSON escapes.
        String text = "Joint communiqué " + UUID.randomUUID() + "\n" + "\u0001".repeat(1_500_000);
        Submission submission = new Submission(text, "Scan", "en", null, null, new Submission.Original(
                Submission.Content.of(text.getBytes(StandardCharsets.UTF_8)), "text/plain", "scan.txt"), null);
        long chunksBefore = mongo.getCollection(OriginalStore.COLLECTION).countDocuments();

        assertThatThrownBy(() -> intake(mongo).submit(submission, "publisher-a"))
                .isInstanceOfSatisfying(DocumentRejected.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(DocumentRejected.Reason.TOO_LARGE);
                    assertThat(refused.getMessage()).contains("tracker.kafka.max-message-bytes");
                });

        assertThat(mongo.getCollection(OriginalStore.COLLECTION).countDocuments()).isEqualTo(chunksBefore);
        assertThat(mongo.findById(ContentFingerprint.documentId(ContentFingerprint.of(text)), Communique.class)).isNull();
    }

    /** An upload's file failing part way (after a whole chunk) leaves none of its chunks behind. */
    @Test
    void anOriginalThatCannotBeReadToTheEndLeavesNoChunks() {
        String originalId = OriginalStore.newOriginalId("doc-" + UUID.randomUUID());
        InputStream failsAfterTwoMegabytes = new InputStream() {
            private int read;

            @Override
            public int read() throws IOException {
                if (read++ >= 2 * 1024 * 1024 + 10) {
                    throw new IOException("The disk went away");
                }
                return 'a';
            }
        };

        assertThatThrownBy(() -> new OriginalStore(mongo).save(originalId, failsAfterTwoMegabytes)).isInstanceOf(IOException.class);

        assertThat(mongo.getCollection(OriginalStore.COLLECTION).countDocuments(new org.bson.Document("original", originalId)))
                .isZero();
    }

    private CommuniqueIntake intake(MongoTemplate communiques) {
        return new CommuniqueIntake(communiques, new OriginalStore(mongo), relay, new EventCodec(), limits,
                new KafkaSettings(3, (short) 1, 8_388_608, 10_000), clock);
    }

    private static Submission submission() {
        String text = "中俄总理第二十七次定期会晤联合公报 " + UUID.randomUUID() + "\n——支持举办第七届中俄博览会。";
        return new Submission(text, "公报", "zh", null, null,
                new Submission.Original(Submission.Content.of(text.getBytes(StandardCharsets.UTF_8)), "text/plain", "communique.txt"), null);
    }
}
