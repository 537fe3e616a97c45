package org.commitmenttracker.ingestion.withdrawal;

import java.time.Clock;
import java.time.Instant;

import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.EventIds;
import org.commitmenttracker.ingestion.communique.Communique;
import org.commitmenttracker.ingestion.communique.CommuniqueCatalog;
import org.commitmenttracker.ingestion.communique.CommuniqueIntake;
import org.commitmenttracker.ingestion.communique.CommuniqueStatus;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.commitmenttracker.service.trace.TraceContext;
import org.commitmenttracker.service.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Withdraws a communiqué: it stays stored and readable, marked WITHDRAWN, and a {@code CommuniqueWithdrawn}
 * event joins its outbox in the same single-document update. The update only matches an ACTIVE
 * communiqué, so withdrawing twice changes nothing and announces nothing the second time; the event id is
 * derived from the document id, so even a replayed event is recognised downstream.
 */
@Service
public class CommuniqueWithdrawal {
    private final MongoTemplate mongo;
    private final CommuniqueCatalog catalog;
    private final OutboxRelay relay;
    private final EventCodec codec;
    private final Clock clock;

    public CommuniqueWithdrawal(MongoTemplate mongo, CommuniqueCatalog catalog, OutboxRelay relay, EventCodec codec,
                                Clock clock) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.relay = relay;
        this.codec = codec;
        this.clock = clock;
    }

    /** The communiqué after withdrawal (whether by this call or an earlier one). */
    public Communique withdraw(String id, String reason, String actor) {
        Instant now = clock.instant();
        EventEnvelope<CommuniqueWithdrawn> envelope = EventEnvelope.of(EventIds.of("communique.withdrawn", id),
                CommuniqueIntake.SOURCE, new CommuniqueWithdrawn(id, reason, actor, now), now, TraceContext.forNewEvent());
        long changed = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id).and("status").is(CommuniqueStatus.ACTIVE)),
                new Update().set("status", CommuniqueStatus.WITHDRAWN)
                        .set("withdrawal", new Communique.Withdrawal(reason, actor, now))
                        .push("outbox", OutboxMessage.of(envelope, codec)),
                Communique.class).getModifiedCount();
        if (changed == 1) {
            relay.publishSoon(Communique.COLLECTION, id);
        }
        return catalog.get(id);
    }
}
