package org.commitmenttracker.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A communiqué was accepted and stored by ingestion. Carries the full text (bounded by ingestion's
 * text limit) so consumers need no call back. {@code versionOf} (usually null) names the communiqué this one is an
 * explicitly uploaded corrected version of.
 */
public record CommuniqueReceived(
        String documentId,
        String contentHash,
        String title,
        String language,
        LocalDate publishedOn,
        String sourceUrl,
        String text,
        Instant receivedAt,
        String versionOf) implements EventData {

    @Override
    public String subject() {
        return documentId;
    }
}
