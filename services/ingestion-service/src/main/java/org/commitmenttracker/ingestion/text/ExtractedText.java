package org.commitmenttracker.ingestion.text;

/**
 * The text of an uploaded document with its line structure, the title the document names itself (may be
 * null), and the media type to store its original under (with the charset for text).
 */
public record ExtractedText(String text, String title, String mediaType) {
}
