package org.commitmenttracker.extraction.engine.language;

/**
 * A part number at the start of a paragraph: its value and how many characters the marker takes.
 * {@code bare} when the number stands alone (a heading line of its own). {@code level} 1 for parts ("一",
 * "IV."), 2 for numbered paragraphs inside them ("12." where a document also has Roman parts).
 */
public record SectionMarker(int number, int length, boolean bare, int level) {
    public SectionMarker(int number, int length, boolean bare) {
        this(number, length, bare, 1);
    }
}
