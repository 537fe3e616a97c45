package org.commitmenttracker.registry.lifecycle;

import java.time.Instant;

/**
 * Pure decision on an extracted commitment: register it as PLEDGED when it is new, refresh its extracted
 * facts when they changed, or do nothing when they are the same (a redelivered or replayed event).
 */
public final class Registration {
    public static final String EXTRACTION_ACTOR = "extraction";

    private Registration() {
    }

    public sealed interface Decision permits Register, Refresh, Unchanged {
    }

    public record Register(CommitmentStatus status, HistoryEntry entry) implements Decision {
    }

    public record Refresh(ExtractedFacts facts, HistoryEntry entry) implements Decision {
    }

    public record Unchanged() implements Decision {
    }

    /**
     * @param current the facts stored now, or null when the commitment is not registered yet
     */
    public static Decision decide(ExtractedFacts current, ExtractedFacts incoming, String eventId, Instant now) {
        if (current == null) {
            return new Register(CommitmentStatus.PLEDGED, new HistoryEntry(now, "registered", null,
                    CommitmentStatus.PLEDGED, EXTRACTION_ACTOR, "extracted from " + incoming.documentId(), eventId));
        }
        if (current.equals(incoming)) {
            return new Unchanged();
        }
        return new Refresh(incoming, new HistoryEntry(now, "re-extracted", null, null, EXTRACTION_ACTOR,
                "extracted again by engine " + incoming.engineVersion(), eventId));
    }
}
