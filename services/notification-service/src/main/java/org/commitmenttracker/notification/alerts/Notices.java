package org.commitmenttracker.notification.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.events.CommitmentLinked;
import org.commitmenttracker.events.CommitmentStatusChanged;
import org.commitmenttracker.events.DeadlineApproaching;
import org.commitmenttracker.events.DeadlineMissed;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.notification.matching.EventKind;
import org.commitmenttracker.notification.matching.Occurrence;

/**
 * Turns events into {@link Notice}s. A deadline event names only the commitment, so its text, parties and
 * the like come from the facts the status changes brought; when none came yet, those criteria see nothing
 * (a subscription filtering on them does not match, one that does not still does).
 */
final class Notices {
    private Notices() {
    }

    static Notice ofStatusChange(EventEnvelope<CommitmentStatusChanged> event) {
        CommitmentStatusChanged change = event.data();
        Occurrence occurrence = new Occurrence(EventKind.STATUS_CHANGED, change.commitmentId(), change.documentId(),
                change.section(), change.text(), change.parties(), change.topics(), change.organisations(),
                change.agencies(), change.to(), change.from(), null);
        Map<String, Object> data = common(event, occurrence);
        data.put("dueDate", text(change.dueDate()));
        data.put("from", change.from());
        data.put("to", change.to());
        data.put("cause", change.cause());
        data.put("actor", change.actor());
        data.put("changedAt", text(change.changedAt()));
        data.put("version", change.version());
        String summary = (change.from() == null ? "registered as " : change.from() + " → ") + change.to();
        return new Notice(event.id().toString(), event.type(), change.changedAt(), summary, occurrence, data, event.traceparent());
    }

    static Notice ofApproaching(EventEnvelope<DeadlineApproaching> event, CommitmentFacts facts) {
        DeadlineApproaching deadline = event.data();
        Occurrence occurrence = occurrence(EventKind.DEADLINE_APPROACHING, deadline.commitmentId(), deadline.documentId(),
                facts, deadline.status(), deadline.daysBefore());
        Map<String, Object> data = common(event, occurrence);
        data.put("milestone", deadline.milestone());
        data.put("dueDate", text(deadline.dueDate()));
        data.put("daysBefore", deadline.daysBefore());
        String summary = "deadline approaching: " + deadline.milestone() + " due " + deadline.dueDate() + " (in "
                + deadline.daysBefore() + " days)";
        return new Notice(event.id().toString(), event.type(), event.time(), summary, occurrence, data, event.traceparent());
    }

    static Notice ofMissed(EventEnvelope<DeadlineMissed> event, CommitmentFacts facts) {
        DeadlineMissed deadline = event.data();
        Occurrence occurrence = occurrence(EventKind.DEADLINE_MISSED, deadline.commitmentId(), deadline.documentId(),
                facts, deadline.status(), null);
        Map<String, Object> data = common(event, occurrence);
        data.put("milestone", deadline.milestone());
        data.put("dueDate", text(deadline.dueDate()));
        String summary = "deadline missed: " + deadline.milestone() + " was due " + deadline.dueDate();
        return new Notice(event.id().toString(), event.type(), event.time(), summary, occurrence, data, event.traceparent());
    }

    /**
     * A link whose earlier commitment made no progress along its chain: the later commitment is a pledge renewed
     * without progress. Its text, parties and the like are the later commitment's, from the status changes.
     */
    static Notice ofRenewalWithoutProgress(EventEnvelope<CommitmentLinked> event, CommitmentFacts facts) {
        CommitmentLinked link = event.data();
        Occurrence occurrence = occurrence(EventKind.RENEWED_WITHOUT_PROGRESS, link.commitmentId(), link.documentId(),
                facts, facts == null ? null : facts.status(), null);
        Map<String, Object> data = common(event, occurrence);
        data.put("earlierCommitmentId", link.earlierCommitmentId());
        data.put("earlierDocumentId", link.earlierDocumentId());
        data.put("relation", link.relation());
        data.put("similarity", link.similarity());
        String summary = "renewed without progress: " + link.relation() + " " + link.earlierCommitmentId() + " of "
                + link.earlierDocumentId() + ", which made no progress";
        return new Notice(event.id().toString(), event.type(), link.linkedAt(), summary, occurrence, data, event.traceparent());
    }

    private static Occurrence occurrence(EventKind kind, String commitmentId, String documentId, CommitmentFacts facts,
                                         String status, Integer horizonDays) {
        return facts == null
                ? new Occurrence(kind, commitmentId, documentId, null, null, null, null, null, null, status, null, horizonDays)
                : new Occurrence(kind, commitmentId, documentId, facts.section(), facts.text(), facts.parties(),
                facts.topics(), facts.organisations(), facts.agencies(), status, null, horizonDays);
    }

    private static Map<String, Object> common(EventEnvelope<?> event, Occurrence occurrence) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventIds", List.of(event.id().toString()));
        data.put("eventType", event.type());
        data.put("commitmentId", occurrence.commitmentId());
        data.put("documentId", occurrence.documentId());
        data.put("section", occurrence.section());
        data.put("status", occurrence.status());
        data.put("parties", occurrence.parties());
        data.put("topics", occurrence.topics());
        data.put("organisations", occurrence.organisations());
        data.put("agencies", occurrence.agencies());
        data.put("text", occurrence.text());
        return data;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
