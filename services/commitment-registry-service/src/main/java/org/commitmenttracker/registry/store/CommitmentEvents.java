package org.commitmenttracker.registry.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.DeadlineApproaching;
import org.commitmenttracker.events.DeadlineMissed;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.EventIds;
import org.commitmenttracker.registry.lifecycle.Commitment;
import org.commitmenttracker.registry.lifecycle.DeadlineNotice;
import org.commitmenttracker.registry.lifecycle.Outcome;
import org.commitmenttracker.registry.lifecycle.StatusChange;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.springframework.stereotype.Component;

/**
 * Turns an outcome into the events that announce it. Ids are deterministic (commitment + version for a
 * status change, commitment + milestone + horizon for a deadline), so a retried write announces nothing twice.
 */
@Component
public class CommitmentEvents {
    /** The {@code source} of every event the registry announces. */
    public static final String SOURCE = "/services/commitment-registry";
    private final EventCodec codec;

    public CommitmentEvents(EventCodec codec) {
        this.codec = codec;
    }

    /** @param version the version the outcome's state is written with */
    public List<OutboxMessage> of(Outcome outcome, long version, String traceparent) {
        Commitment c = outcome.next();
        List<OutboxMessage> events = new ArrayList<>();
        for (int i = 0; i < outcome.statusChanges().size(); i++) {
            StatusChange change = outcome.statusChanges().get(i);
            CommitmentStatusChanged data = new CommitmentStatusChanged(c.id(), c.facts().documentId(),
                    c.facts().section(), c.facts().text(), c.facts().parties(), c.facts().topics(),
                    c.facts().organisations(), c.agencies(), c.dueDate(),
                    change.from() == null ? null : change.from().name(), change.to().name(), change.cause(),
                    change.actor(), change.at(), version);
            events.add(envelope(EventIds.of("commitment.status-changed", c.id(), version + "/" + i), data, change.at(), traceparent));
        }
        for (DeadlineNotice notice : outcome.deadlineNotices()) {
            EventData data = notice.missed()
                    ? new DeadlineMissed(c.id(), c.facts().documentId(), notice.milestone().text(),
                    notice.milestone().dueDate(), c.status().name())
                    : new DeadlineApproaching(c.id(), c.facts().documentId(), notice.milestone().text(),
                    notice.milestone().dueDate(), notice.daysBefore(), c.status().name());
            events.add(envelope(EventIds.of("deadline", c.id(), notice.key()), data, c.updatedAt(), traceparent));
        }
        return events;
    }

    private OutboxMessage envelope(java.util.UUID id, EventData data, Instant at, String traceparent) {
        return OutboxMessage.of(EventEnvelope.of(id, SOURCE, data, at, traceparent), codec);
    }
}
