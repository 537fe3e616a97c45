package org.commitmenttracker.ingestion.communique;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.service.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored communiqué: its text and metadata, and the events announcing it that are not yet published.
 * The id is derived from the content hash, so the same text can only be stored once.
 */
@Document(Communique.COLLECTION)
public record Communique(
        @Id String id,
        String contentHash,
        String title,
        String language,
        LocalDate publishedOn,
        String sourceUrl,
        String mediaType,
        String text,
        Instant receivedAt,
        CommuniqueStatus status,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "communiques";
}
