package org.commitmenttracker.ingestion.upload;

import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.SourceDocument;

/**
 * The title a communiqué states in its text, read at intake by the extraction engine's metadata reader (the same
 * title the analysis will show), so a communiqué uploaded as plain text or JSON without a title is listed by its
 * title at once. Only the head of the text is read: a title is the first thing a communiqué says, and a 2 MB text
 * should not cost an analysis at upload.
 */
final class DocumentTitle {
    static final int HEAD_CHARACTERS = 16_000;
    private static final CommuniqueAnalyzer ENGINE = new CommuniqueAnalyzer();

    private DocumentTitle() {
    }

    /** The stated title, or null when the text states none; {@code language} may be null (detected). */
    static String read(String text, String language) {
        String head = head(text);
        String title = ENGINE.readMetadata(new SourceDocument("upload", head, null, language, null)).title();
        return title == null || title.isBlank() ? null : title.strip();
    }

    /** The text up to the first line end after {@value HEAD_CHARACTERS} characters (all of a shorter text). */
    private static String head(String text) {
        if (text.length() <= HEAD_CHARACTERS) {
            return text;
        }
        int lineEnd = text.indexOf('\n', HEAD_CHARACTERS);
        return lineEnd < 0 ? text : text.substring(0, lineEnd);
    }
}
