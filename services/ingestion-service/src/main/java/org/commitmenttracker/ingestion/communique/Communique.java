package org.commitmenttracker.ingestion.communique;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.service.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored communiqué: its text and metadata, where its original file is, whether it was withdrawn, and
 * the events announcing it that are not yet published. The id is derived from the content hash, so the
 * same text can only be stored once. {@code uploadedBy} is the token subject of the first upload: the one publisher
 * who may withdraw it besides an operator (null for communiqués stored before uploaders were recorded: operators only).
 * {@code versionOf} names the communiqué this text was uploaded as a corrected version of; {@code signature} and its
 * band keys {@code nearDuplicateKeys} find texts that are essentially this one ({@link NearDuplicateSignature}).
 */
@Document(Communique.COLLECTION)
public record Communique(
        @Id String id,
        String contentHash,
        String title,
        String language,
        LocalDate publishedOn,
        String sourceUrl,
        String text,
        Instant receivedAt,
        String uploadedBy,
        String versionOf,
        NearDuplicateSignature signature,
        List<String> nearDuplicateKeys,
        CommuniqueStatus status,
        OriginalFile original,
        Withdrawal withdrawal,
        List<OutboxMessage> outbox) {

    public static final String COLLECTION = "communiques";

    /** The uploaded bytes, stored as chunks of {@code OriginalStore} under {@code id}. */
    public record OriginalFile(String id, String mediaType, String fileName, long size, int chunks) {
    }

    /** Who withdrew the communiqué, when and why. */
    public record Withdrawal(String reason, String actor, Instant withdrawnAt) {
    }
}
