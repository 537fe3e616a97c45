package org.commitmenttracker.ingestion.communique;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.commitmenttracker.events.CommuniqueReceived;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.EventIds;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Stores a submitted communiqué once, together with its {@code CommuniqueReceived} event in the same
 * document (one atomic insert), then hands the event to the outbox relay.
 */
@Service
public class CommuniqueIntake {
    static final String SOURCE = "/services/ingestion";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final EventCodec codec;
    private final Clock clock;

    public CommuniqueIntake(MongoTemplate mongo, OutboxRelay relay, EventCodec codec, Optional<Clock> clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.codec = codec;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The result of a submission: the stored record, and whether this call created it. */
    public record Outcome(Communique communique, boolean created) {
    }

    public Outcome submit(Submission submission) {
        String hash = ContentFingerprint.of(submission.text());
        String id = ContentFingerprint.documentId(hash);
        Optional<Communique> existing = find(id);
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false);
        }
        Instant now = clock.instant();
        CommuniqueReceived event = new CommuniqueReceived(id, hash, submission.title(), submission.language(),
                submission.publishedOn(), submission.sourceUrl(), submission.text(), now);
        EventEnvelope<CommuniqueReceived> envelope = EventEnvelope.of(EventIds.of("communique.received", id), SOURCE,
                event, now, null);
        Communique communique = new Communique(id, hash, submission.title(), submission.language(),
                submission.publishedOn(), submission.sourceUrl(), submission.mediaType(), submission.text(), now,
                CommuniqueStatus.ACTIVE, List.of(OutboxMessage.of(envelope, codec)));
        try {
            mongo.insert(communique);
        } catch (DuplicateKeyException concurrentTwin) {
            return new Outcome(find(id).orElseThrow(), false);
        }
        relay.publishSoon(Communique.COLLECTION, id);
        return new Outcome(communique, true);
    }

    public Optional<Communique> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Communique.class));
    }
}
