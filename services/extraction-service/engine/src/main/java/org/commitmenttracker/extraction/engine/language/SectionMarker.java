package org.commitmenttracker.extraction.engine.language;

/**
 * A part number at the start of a paragraph: its value and how many characters the marker takes.
 * {@code bare} when the number stands alone (a heading line of its own).
 */
public record SectionMarker(int number, int length, boolean bare) {
}
