package org.commitmenttracker.extraction.analysis;

import java.time.Instant;
import java.util.List;

import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.service.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stored analysis of one communiqué by one engine version, with the {@code CommitmentExtracted} events
 * not yet published. {@code noCommitmentReason} says why a document yielded nothing, instead of dropping it.
 */
@Document(AnalysisRecord.COLLECTION)
public record AnalysisRecord(
        @Id String documentId,
        String engineVersion,
        String sourceEventId,
        CommuniqueAnalysis analysis,
        String noCommitmentReason,
        Instant analysedAt,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "analyses";
}
