package org.commitmenttracker.ingestion.communique;

import java.time.LocalDate;

/**
 * What a user submits: the text (already taken from its file), optional metadata, the original as
 * uploaded ({@code fileName} may be null), and the id of the communiqué it is a new version of (usually null:
 * only an explicit version is stored beside a text that is essentially the same).
 */
public record Submission(String text, String title, String language, String sourceUrl, LocalDate publishedOn,
                         Original original, String versionOf) {

    /** The bytes as uploaded and the media type to serve them with. */
    public record Original(byte[] bytes, String mediaType, String fileName) {
    }
}
