package org.commitmenttracker.registry.lifecycle;

import java.time.Instant;

/** One change in a commitment's life: what happened, who caused it, why, and the status after it. */
public record HistoryEntry(Instant at, String kind, CommitmentStatus from, CommitmentStatus to, String actor,
                           String cause, String eventId) {
}
