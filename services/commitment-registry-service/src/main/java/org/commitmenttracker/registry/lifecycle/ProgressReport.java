package org.commitmenttracker.registry.lifecycle;

import java.time.Instant;
import java.util.List;

/** A validated progress report from an agency; {@code eventId} makes it idempotent. */
public record ProgressReport(String eventId, String agencyId, CommitmentStatus status, Integer percentComplete,
                             String note, List<String> evidenceUrls, Instant occurredAt) {
    public ProgressReport {
        evidenceUrls = evidenceUrls == null ? List.of() : List.copyOf(evidenceUrls);
    }

    /** The characters it adds to a commitment's history: its note and evidence links. */
    long reportedChars() {
        return HistoryEntry.textLength(note, evidenceUrls);
    }
}
