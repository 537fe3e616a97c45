package org.commitmenttracker.extraction.engine.language.alphabetic;

import org.commitmenttracker.extraction.engine.language.RomanNumerals;
import org.commitmenttracker.extraction.engine.language.SectionMarker;
import org.commitmenttracker.extraction.engine.language.SectionNumbering;

/**
 * Numbering of English and Russian declarations: parts "I.", "II." … (level 1) and numbered paragraphs "1.",
 * "12." (level 2), each a piece of its own, i.e. followed by a space or a line end ("3.5" and "2023." are no
 * numbers of this kind: four digits are a year); a part's Roman numeral may also stand without its dot on a line of
 * its own ("II").
 */
public final class AlphabeticSectionNumbering implements SectionNumbering {
    private static final int MAX_DIGITS = 3;
    private static final int MAX_ROMAN = 6;

    @Override
    public SectionMarker parse(String piece) {
        int dot = piece.indexOf('.');
        if (dot < 0 && !piece.isEmpty()) {
            // "II" without a dot: a part only as a line of its own, which the caller checks (bare marker).
            int value = piece.length() <= MAX_ROMAN
                    ? RomanNumerals.parseCanonical(piece.replace('\u0406', 'I').replace('\u0425', 'X')) : 0;
            return value > 0 ? new SectionMarker(value, piece.length(), true, 1) : null;
        }
        if (dot <= 0 || dot != piece.length() - 1) {
            return null;
        }
        // Cyrillic capitals that look like Roman numerals ("І", "Х") are read as such.
        String numeral = piece.substring(0, dot).replace('\u0406', 'I').replace('\u0425', 'X');
        if (numeral.length() <= MAX_DIGITS && numeral.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int value = Integer.parseInt(numeral);
            return value == 0 ? null : new SectionMarker(value, piece.length(), true, 2);
        }
        int value = numeral.length() <= MAX_ROMAN ? RomanNumerals.parseCanonical(numeral) : 0;
        return value > 0 ? new SectionMarker(value, piece.length(), true, 1) : null;
    }
}
