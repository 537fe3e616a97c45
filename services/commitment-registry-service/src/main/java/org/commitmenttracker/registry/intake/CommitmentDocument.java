package org.commitmenttracker.registry.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.registry.lifecycle.CommitmentStatus;
import org.commitmenttracker.registry.lifecycle.ExtractedFacts;
import org.commitmenttracker.registry.lifecycle.HistoryEntry;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A commitment as stored: extracted facts, status, history, and the events announcing its changes that
 * are not yet published. {@code version} increases with every write (optimistic locking on {@code _id} +
 * {@code version}, backed by a compound unique index so the embedded store does not scan).
 */
@Document(CommitmentDocument.COLLECTION)
public record CommitmentDocument(
        @Id String id,
        long version,
        ExtractedFacts facts,
        CommitmentStatus status,
        LocalDate dueDate,
        List<String> agencies,
        List<HistoryEntry> history,
        Instant updatedAt,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "commitments";
}
