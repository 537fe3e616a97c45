package org.commitmenttracker.events;

import java.time.Instant;
import java.util.List;

/**
 * Extraction finished a document: every commitment id it found, so the registry can withdraw the commitments
 * an earlier analysis found and this one no longer does.
 */
public record CommuniqueAnalysed(String documentId, String engineVersion, List<String> commitmentIds,
                                 Instant analysedAt) implements EventData {
    public CommuniqueAnalysed {
        commitmentIds = List.copyOf(commitmentIds);
    }

    @Override
    public String subject() {
        return documentId;
    }
}
