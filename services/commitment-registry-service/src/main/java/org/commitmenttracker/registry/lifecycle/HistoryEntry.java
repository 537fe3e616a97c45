package org.commitmenttracker.registry.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * One change in a commitment's life: what happened ({@code kind}), the status after it, the transition if
 * the status changed, who caused it and why, the event or report that carried it, and reported progress.
 */
public record HistoryEntry(Instant at, String kind, CommitmentStatus status, CommitmentStatus from,
                           CommitmentStatus to, String actor, String cause, String eventId,
                           Integer percentComplete, List<String> evidenceUrls) {
    /** An agency's report older than the last one applied: kept for the record, it moved neither status nor percent. */
    public static final String LATE_REPORT = "progress-out-of-order";

    public HistoryEntry {
        evidenceUrls = evidenceUrls == null ? List.of() : List.copyOf(evidenceUrls);
    }

    /** The characters an agency's report keeps here: its note ({@code cause}) and evidence links. */
    long reportedChars() {
        return actor != null && actor.startsWith(Commitment.AGENCY_ACTOR) ? textLength(cause, evidenceUrls) : 0;
    }

    static long textLength(String note, List<String> evidenceUrls) {
        return (note == null ? 0 : note.length()) + evidenceUrls.stream().mapToLong(String::length).sum();
    }

    static HistoryEntry of(Instant at, String kind, CommitmentStatus status, String actor, String cause, String eventId) {
        return new HistoryEntry(at, kind, status, null, null, actor, cause, eventId, null, List.of());
    }

    static HistoryEntry transition(Instant at, String kind, StatusChange change, String eventId) {
        return new HistoryEntry(at, kind, change.to(), change.from(), change.to(), change.actor(), change.cause(),
                eventId, null, List.of());
    }
}
