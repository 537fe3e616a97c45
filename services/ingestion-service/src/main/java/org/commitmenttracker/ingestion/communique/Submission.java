package org.commitmenttracker.ingestion.communique;

import java.time.LocalDate;

/**
 * What a user submits: the text (already taken from its file), optional metadata, and the original as
 * uploaded ({@code fileName} may be null).
 */
public record Submission(String text, String title, String language, String sourceUrl, LocalDate publishedOn,
                         Original original) {

    /** The bytes as uploaded and the media type to serve them with. */
    public record Original(byte[] bytes, String mediaType, String fileName) {
    }
}
