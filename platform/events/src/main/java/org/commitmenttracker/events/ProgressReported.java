package org.commitmenttracker.events;

import java.time.Instant;
import java.util.List;

/**
 * An agency system reports progress on a commitment. The envelope id is the report's idempotency key;
 * {@code status} and {@code percentComplete} are optional.
 */
public record ProgressReported(
        String commitmentId,
        String agencyId,
        String status,
        Integer percentComplete,
        String note,
        List<String> evidenceUrls,
        Instant occurredAt) implements EventData {

    public ProgressReported {
        evidenceUrls = evidenceUrls == null ? List.of() : List.copyOf(evidenceUrls);
    }

    @Override
    public String subject() {
        return commitmentId;
    }
}
