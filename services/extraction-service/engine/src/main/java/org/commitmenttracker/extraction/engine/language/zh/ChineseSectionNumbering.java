package org.commitmenttracker.extraction.engine.language.zh;

import org.commitmenttracker.extraction.engine.language.SectionMarker;
import org.commitmenttracker.extraction.engine.language.SectionNumbering;

/** Parts numbered "一", "二、…", "1.", "1、" or "IV." at the start of a paragraph. */
final class ChineseSectionNumbering implements SectionNumbering {
    private static final int MAX_NUMERAL_LENGTH = 3;
    private static final String ROMAN = "IVX";

    private final String separators;

    ChineseSectionNumbering(String separators) {
        this.separators = separators;
    }

    @Override
    public SectionMarker parse(String piece) {
        int numeralLength = 0;
        while (numeralLength < Math.min(MAX_NUMERAL_LENGTH, piece.length())
                && ChineseNumerals.isNumeralChar(piece.charAt(numeralLength))) {
            numeralLength++;
        }
        if (numeralLength > 0 && ChineseNumerals.isNumeral(piece.substring(0, numeralLength))) {
            return marker(piece, numeralLength, ChineseNumerals.parse(piece.substring(0, numeralLength)), true);
        }
        int digits = 0;
        while (digits < Math.min(2, piece.length()) && Character.isDigit(piece.charAt(digits)) && piece.charAt(digits) < 128) {
            digits++;
        }
        if (digits > 0) {
            return marker(piece, digits, Integer.parseInt(piece.substring(0, digits)), false);
        }
        int roman = 0;
        while (roman < Math.min(4, piece.length()) && ROMAN.indexOf(piece.charAt(roman)) >= 0) {
            roman++;
        }
        int value = roman > 0 ? RomanNumerals.parse(piece.substring(0, roman)) : 0;
        return value > 0 ? marker(piece, roman, value, false) : null;
    }

    /** A number is a part marker when it stands alone ({@code mayStandAlone}) or is followed by a separator. */
    private SectionMarker marker(String piece, int length, int value, boolean mayStandAlone) {
        if (length == piece.length()) {
            return mayStandAlone ? new SectionMarker(value, length, true) : null;
        }
        if (separators.indexOf(piece.charAt(length)) < 0) {
            return null;
        }
        boolean decimal = length + 1 < piece.length() && Character.isDigit(piece.charAt(length + 1));
        return decimal ? null : new SectionMarker(value, length + 1, length + 1 == piece.length());
    }
}
