package org.commitmenttracker.extraction.engine.lineage;

import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.extraction.engine.Commitment;

/**
 * A commitment as the lineage index sees it: its communiqué ({@code documentId}, {@code date}, null when unknown),
 * the language it is written in ("zh", "en", "ru"; null to tell by its characters), the parties it binds and the
 * organisations it names (a communiqué's are the union of its commitments'), its kind, id and text.
 */
public record LineageCommitment(String documentId, LocalDate date, String language, List<String> parties,
                                List<String> organisations, Commitment.Kind kind, String id, String text) {
    public LineageCommitment {
        if (documentId == null || documentId.isBlank()) {
            throw new IllegalArgumentException("documentId is required");
        }
        parties = List.copyOf(parties);
        organisations = List.copyOf(organisations);
        text = text == null ? "" : text;
    }
}
