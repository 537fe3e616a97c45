package org.commitmenttracker.extraction.engine;

import java.time.LocalDate;

/**
 * A communiqué as given to the engine: raw text as published, and what the caller already knows about it.
 * {@code title}, {@code language} and {@code publicationDate} may be null: the engine then finds them in the text.
 */
public record SourceDocument(String documentId, String text, String title, String language, LocalDate publicationDate) {
    public SourceDocument {
        if (documentId == null || documentId.isBlank()) {
            throw new IllegalArgumentException("documentId is required");
        }
        text = text == null ? "" : text;
    }

    public static SourceDocument of(String documentId, String text) {
        return new SourceDocument(documentId, text, null, null, null);
    }
}
