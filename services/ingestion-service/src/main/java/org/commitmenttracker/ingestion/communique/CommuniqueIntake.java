package org.commitmenttracker.ingestion.communique;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.commitmenttracker.events.CommuniqueReceived;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.EventIds;
import org.commitmenttracker.ingestion.IngestionLimits;
import org.commitmenttracker.ingestion.original.FileNames;
import org.commitmenttracker.ingestion.original.OriginalStore;
import org.commitmenttracker.ingestion.text.DocumentKind;
import org.commitmenttracker.ingestion.text.DocumentRejected;
import org.commitmenttracker.ingestion.text.UnicodeText;
import org.commitmenttracker.service.config.KafkaSettings;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.commitmenttracker.service.trace.TraceContext;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Stores a submitted communiqué once. Order of writes: the original's chunks first, then the communiqué
 * document together with its {@code CommuniqueReceived} event (one atomic insert, the commit point), then
 * the event is handed to the outbox relay. A crash in between leaves orphan chunks at worst, never a
 * communiqué without its original or its event.
 */
@Service
public class CommuniqueIntake {
    public static final String SOURCE = "/services/ingestion";
    /** Room in a record for its key, headers and batch framing beside the event. */
    static final int RECORD_OVERHEAD_BYTES = 16 * 1024;

    private final MongoTemplate mongo;
    private final OriginalStore originals;
    private final OutboxRelay relay;
    private final EventCodec codec;
    private final IngestionLimits limits;
    private final int maxEventBytes;
    private final Clock clock;

    public CommuniqueIntake(MongoTemplate mongo, OriginalStore originals, OutboxRelay relay, EventCodec codec,
                            IngestionLimits limits, KafkaSettings kafka, Clock clock) {
        this.maxEventBytes = kafka.maxMessageBytes() - RECORD_OVERHEAD_BYTES;
        this.mongo = mongo;
        this.originals = originals;
        this.relay = relay;
        this.codec = codec;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The result of a submission: the stored record, whether this call created it, and when it did not, how similar
     * the submitted text is to the stored one (1 for the same text; at least {@code tracker.ingestion.near-duplicate-similarity}
     * for a text that is essentially the same).
     */
    public record Outcome(Communique communique, boolean created, Double similarity) {
        Outcome(Communique communique, boolean created) {
            this(communique, created, created ? null : 1.0);
        }
    }

    /** Stores a new text once, recording {@code uploader} (the token subject) as its owner; a known text is returned. */
    public Outcome submit(Submission submission, String uploader) {
        checkText(submission.text());
        String hash = ContentFingerprint.of(submission.text());
        String id = ContentFingerprint.documentId(hash);
        Optional<Communique> existing = find(id);
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false);
        }
        NearDuplicateSignature signature = NearDuplicateSignature.of(submission.text());
        if (submission.versionOf() != null) {
            find(submission.versionOf()).orElseThrow(() -> new NoSuchCommunique(submission.versionOf()));
        } else if (signature != null) {
            Optional<Outcome> essentiallyTheSame = nearDuplicateOf(signature);
            if (essentiallyTheSame.isPresent()) {
                return essentiallyTheSame.get();
            }
        }
        Instant now = clock.instant();
        CommuniqueReceived event = new CommuniqueReceived(id, hash, submission.title(), submission.language(),
                submission.publishedOn(), submission.sourceUrl(), submission.text(), now, submission.versionOf());
        EventEnvelope<CommuniqueReceived> envelope = EventEnvelope.of(EventIds.of("communique.received", id), SOURCE,
                event, now, TraceContext.forNewEvent());
        OutboxMessage announcement = OutboxMessage.of(envelope, codec);
        checkPublishable(announcement);
        Communique.OriginalFile original = storeOriginal(id, submission.original());
        Communique communique = new Communique(id, hash, submission.title(), submission.language(),
                submission.publishedOn(), submission.sourceUrl(), submission.text(), now, uploader, submission.versionOf(),
                signature, signature == null ? List.of() : signature.bandKeys(), CommuniqueStatus.ACTIVE,
                original, null, List.of(announcement));
        try {
            mongo.insert(communique);
        } catch (DuplicateKeyException concurrentTwin) {
            originals.delete(original.id(), original.chunks());
            return new Outcome(find(id).orElseThrow(), false);
        } catch (RuntimeException e) {
            return afterFailedInsert(communique, e);
        }
        relay.publishSoon(Communique.COLLECTION, id);
        return new Outcome(communique, true);
    }

    /**
     * An insert that failed without saying whether it happened (a timeout after the store applied it): what is stored
     * decides. This communiqué: it was created, its original's chunks are its own, its event waits in its outbox.
     * Nothing: the chunks go and the failure stands. A twin's: the chunks go, as for a duplicate. Not known (the
     * store unreachable): the chunks stay (orphans at worst), the relay sweeps soon and the failure stands.
     */
    private Outcome afterFailedInsert(Communique communique, RuntimeException failure) {
        Communique.OriginalFile original = communique.original();
        Optional<Communique> stored;
        try {
            stored = find(communique.id());
        } catch (RuntimeException unknown) {
            relay.sweepSoon();
            failure.addSuppressed(unknown);
            throw failure;
        }
        if (stored.isPresent() && stored.get().original().id().equals(original.id())) {
            relay.publishSoon(Communique.COLLECTION, communique.id());
            return new Outcome(stored.get(), true);
        }
        originals.delete(original.id(), original.chunks());
        if (stored.isPresent()) {
            return new Outcome(stored.get(), false);
        }
        throw failure;
    }

    /**
     * The stored communiqué whose text is essentially this one, if any: candidates share a band key, the most similar
     * at or above {@code tracker.ingestion.near-duplicate-similarity} wins (the oldest on a tie). Two near-duplicates
     * uploaded at the same moment may both be stored: only identical texts are excluded by the store itself.
     */
    private Optional<Outcome> nearDuplicateOf(NearDuplicateSignature signature) {
        Query candidates = Query.query(Criteria.where("nearDuplicateKeys").in(signature.bandKeys()))
                .with(Sort.by("receivedAt"));
        candidates.fields().include("_id", "signature");
        String best = null;
        double bestSimilarity = 0;
        for (Communique candidate : mongo.find(candidates, Communique.class)) {
            double similarity = candidate.signature() == null ? 0 : signature.similarity(candidate.signature());
            if (similarity >= limits.nearDuplicateSimilarity() && similarity > bestSimilarity) {
                best = candidate.id();
                bestSimilarity = similarity;
            }
        }
        double found = bestSimilarity;
        return best == null ? Optional.empty() : find(best).map(stored -> new Outcome(stored, false, found));
    }

    public Optional<Communique> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Communique.class));
    }

    private void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new DocumentRejected(DocumentRejected.Reason.EMPTY, "The communiqué text is empty.");
        }
        UnicodeText.check("The text", text);
        long size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > limits.maxTextSize().toBytes()) {
            throw new DocumentRejected(DocumentRejected.Reason.TOO_LARGE, "The text is " + size + " bytes (UTF-8); "
                    + "the limit is " + limits.maxTextSize().toBytes() + " bytes (tracker.ingestion.max-text-size).");
        }
    }

    /**
     * The event must fit in one Kafka record, or it would be stored and never announced (the relay retrying it for
     * ever). The text limit counts UTF-8 bytes, but JSON writes a control character as six: a text under the limit
     * can still make an event over the broker's.
     */
    private void checkPublishable(OutboxMessage announcement) {
        long size = announcement.payload().getBytes(StandardCharsets.UTF_8).length;
        if (size > maxEventBytes) {
            throw new DocumentRejected(DocumentRejected.Reason.TOO_LARGE, "The text makes an event of " + size
                    + " bytes; a record may carry " + maxEventBytes + " (tracker.kafka.max-message-bytes, less "
                    + RECORD_OVERHEAD_BYTES + " for its key and headers). Control characters count six bytes each.");
        }
    }

    private Communique.OriginalFile storeOriginal(String documentId, Submission.Original original) {
        String originalId = OriginalStore.newOriginalId(documentId);
        String fileName = FileNames.sanitise(original.fileName(), documentId + DocumentKind.extensionFor(original.mediaType()));
        int chunks;
        try (InputStream bytes = original.content().open()) {
            chunks = originals.save(originalId, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload's temporary file cannot be read", e);
        }
        return new Communique.OriginalFile(originalId, original.mediaType(), fileName, original.content().size(), chunks);
    }
}
