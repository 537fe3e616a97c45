package org.commitmenttracker.registry.progress;

import java.time.Instant;

/** The answer to a report; a repeated event id gets the answer of its first application ({@code repeated} true). */
public record ProgressResult(String commitmentId, String eventId, String status, Integer percentComplete,
                             String outcome, Instant appliedAt, boolean repeated) {
}
