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
import org.commitmenttracker.ingestion.communique.NoSuchCommunique;
import org.commitmenttracker.service.security.Caller;
import org.commitmenttracker.service.security.Role;
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
 * derived from the document id, so even a replayed event is recognised downstream. Only an operator or the publisher
 * who uploaded it may withdraw a communiqué; to anyone else it answers as an unknown id (404), so the endpoint does not
 * tell which ids exist. The owner is part of the update's filter, so no check-then-act race lets another through.
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

    /** The communiqué after withdrawal (whether by this call or an earlier one); {@link NoSuchCommunique} otherwise. */
    public Communique withdraw(String id, String reason, Caller caller) {
        Instant now = clock.instant();
        String actor = caller.subject();
        EventEnvelope<CommuniqueWithdrawn> envelope = EventEnvelope.of(EventIds.of("communique.withdrawn", id),
                CommuniqueIntake.SOURCE, new CommuniqueWithdrawn(id, reason, actor, now), now, TraceContext.forNewEvent());
        Criteria withdrawable = Criteria.where("_id").is(id).and("status").is(CommuniqueStatus.ACTIVE);
        if (!caller.has(Role.OPERATOR)) {
            withdrawable = withdrawable.and("uploadedBy").is(actor);
        }
        long changed = mongo.updateFirst(
                Query.query(withdrawable),
                new Update().set("status", CommuniqueStatus.WITHDRAWN)
                        .set("withdrawal", new Communique.Withdrawal(reason, actor, now))
                        .push("outbox", OutboxMessage.of(envelope, codec)),
                Communique.class).getModifiedCount();
        if (changed == 1) {
            relay.publishSoon(Communique.COLLECTION, id);
        }
        Communique communique = catalog.get(id);
        if (!caller.has(Role.OPERATOR) && !actor.equals(communique.uploadedBy())) {
            throw new NoSuchCommunique(id);
        }
        return communique;
    }
}
