package org.commitmenttracker.registry.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.EventIds;
import org.commitmenttracker.events.Traceparent;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.lifecycle.Registration;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Applies {@code CommitmentExtracted} events: registers new commitments (PLEDGED, announced with a
 * {@code CommitmentStatusChanged}) and refreshes the facts of known ones, never their status or history.
 * Idempotent: the same event applied twice changes nothing the second time.
 */
@Service
public class CommitmentIntake {
    static final String SOURCE = "/services/commitment-registry";
    private static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final EventCodec codec;
    private final Clock clock;

    public CommitmentIntake(MongoTemplate mongo, OutboxRelay relay, EventCodec codec, Optional<Clock> clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.codec = codec;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public void apply(EventEnvelope<CommitmentExtracted> event) {
        String id = event.data().commitmentId();
        ExtractedFacts incoming = ExtractedFacts.of(event.data());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            CommitmentDocument current = mongo.findById(id, CommitmentDocument.class);
            Instant now = clock.instant();
            Registration.Decision decision = Registration.decide(current == null ? null : current.facts(), incoming,
                    event.id().toString(), now);
            boolean written;
            if (decision instanceof Registration.Register register) {
                written = insert(event, id, incoming, register, now);
            } else if (decision instanceof Registration.Refresh refresh) {
                written = refresh(current, refresh, now);
            } else {
                written = true; // unchanged: a redelivered or replayed event
            }
            if (written) {
                return;
            }
        }
        throw new IllegalStateException("Commitment " + id + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    private boolean insert(EventEnvelope<CommitmentExtracted> event, String id, ExtractedFacts facts,
                           Registration.Register register, Instant now) {
        long version = 1;
        CommitmentStatusChanged changed = new CommitmentStatusChanged(id, facts.documentId(), facts.section(),
                facts.text(), facts.parties(), facts.topics(), facts.organisations(), List.of(), facts.dueDate(),
                null, register.status().name(), register.entry().cause(), register.entry().actor(), now, version);
        EventEnvelope<CommitmentStatusChanged> envelope = EventEnvelope.of(
                EventIds.of("commitment.status-changed", id, String.valueOf(version)), SOURCE, changed, now,
                Traceparent.childOf(event.traceparent()));
        try {
            mongo.insert(new CommitmentDocument(id, version, facts, register.status(), facts.dueDate(), List.of(),
                    List.of(register.entry()), now, List.of(OutboxMessage.of(envelope, codec))));
        } catch (DuplicateKeyException registeredConcurrently) {
            return false;
        }
        relay.publishSoon(CommitmentDocument.COLLECTION, id);
        return true;
    }

    private boolean refresh(CommitmentDocument current, Registration.Refresh refresh, Instant now) {
        Query sameVersion = Query.query(Criteria.where("_id").is(current.id()).and("version").is(current.version()));
        Update update = new Update()
                .set("facts", refresh.facts())
                .set("dueDate", refresh.facts().dueDate())
                .set("updatedAt", now)
                .push("history", refresh.entry())
                .inc("version", 1);
        return mongo.updateFirst(sameVersion, update, CommitmentDocument.class).getMatchedCount() == 1;
    }
}
