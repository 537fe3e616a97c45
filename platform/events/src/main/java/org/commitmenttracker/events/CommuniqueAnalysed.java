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
        if (commitmentIds == null) {
            // Not "none found": an analysis without its list would withdraw every commitment of the document.
            throw new IllegalArgumentException("commitmentIds is missing");
        }
        commitmentIds = List.copyOf(commitmentIds);
    }

    @Override
    public String subject() {
        return documentId;
    }
}
