package org.commitmenttracker.ingestion.communique;

import java.time.LocalDate;

/** What a user submits: the text (already decoded from its file) and optional metadata. */
public record Submission(String text, String title, String language, String sourceUrl, LocalDate publishedOn,
                         String mediaType) {
}
