package org.commitmenttracker.extraction.engine.language;

/** How a language numbers the parts of a document ("一", "二、", "1.", "IV."). */
public interface SectionNumbering {
    /** The part number {@code piece} starts with, or null; {@code piece} is folded text without leading space. */
    SectionMarker parse(String piece);
}
