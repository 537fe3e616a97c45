package org.commitmenttracker.registry.lifecycle;

import java.time.Instant;

/** A status change to announce: from (null when first registered), to, why, who, when. */
public record StatusChange(CommitmentStatus from, CommitmentStatus to, String cause, String actor, Instant at) {
}
