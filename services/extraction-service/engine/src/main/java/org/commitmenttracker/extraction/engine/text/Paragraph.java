package org.commitmenttracker.extraction.engine.text;

/**
 * A paragraph recovered from the layout: its role, its text as written (line wraps joined, a bullet's marker
 * removed), the same text folded for matching (same length), for a heading its part number and level
 * (1: a part, 2: a numbered paragraph), and where each character of its text stands in the text as ingested.
 */
public record Paragraph(Role role, String text, String folded, int number, int level, SourceOffsets sources) {
    public enum Role { TITLE, HEADING, BULLET, PROSE }

    public Paragraph {
        if (text.length() != folded.length() || text.length() != sources.length()) {
            throw new IllegalArgumentException("folded text and source offsets must align with the text");
        }
    }

    public Paragraph(Role role, String text, String folded, int number, SourceOffsets sources) {
        this(role, text, folded, number, 1, sources);
    }
}
