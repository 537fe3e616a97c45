package org.commitmenttracker.registry.progress;

import java.time.Instant;
import java.util.List;

/** A progress report as an agency system sends it, over HTTP or Kafka, before validation. */
public record ProgressSubmission(String eventId, String agencyId, String status, Integer percentComplete, String note,
                                 List<String> evidenceUrls, Instant occurredAt) {
}
