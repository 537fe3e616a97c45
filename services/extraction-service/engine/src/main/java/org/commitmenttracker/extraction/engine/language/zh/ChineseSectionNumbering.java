package org.commitmenttracker.extraction.engine.language.zh;

import java.util.List;

import org.commitmenttracker.extraction.engine.language.RomanNumerals;
import org.commitmenttracker.extraction.engine.language.SectionMarker;
import org.commitmenttracker.extraction.engine.language.SectionNumbering;

/**
 * Parts numbered "一", "二、…", "壹、…", "第一部分" or "IV." at the start of a paragraph (the paragraph as folded to
 * Simplified script), and paragraphs numbered "1.", "１．", "1、" (the sections of a document without parts).
 */
final class ChineseSectionNumbering implements SectionNumbering {
    private static final int MAX_NUMERAL_LENGTH = 3;
    private static final String ROMAN = "IVX";

    private final String separators;
    private final String ordinalPrefix;
    private final List<String> partNouns;

    /**
     * {@code separators} may follow a number; {@code ordinalPrefix} and {@code partNouns} make an ordinal part
     * heading ("第" + "三" + "部分").
     */
    ChineseSectionNumbering(String separators, String ordinalPrefix, List<String> partNouns) {
        this.separators = separators;
        this.ordinalPrefix = ordinalPrefix;
        this.partNouns = List.copyOf(partNouns);
    }

    @Override
    public SectionMarker parse(String piece) {
        String numeral = numeralAt(piece, 0);
        if (numeral != null) {
            return marker(piece, numeral.length(), ChineseNumerals.parse(numeral), true, 1);
        }
        SectionMarker ordinal = ordinalPart(piece);
        if (ordinal != null) {
            return ordinal;
        }
        int digits = 0;
        while (digits < Math.min(2, piece.length()) && Character.digit(piece.charAt(digits), 10) >= 0
                && (piece.charAt(digits) < 128 || Character.UnicodeBlock.of(piece.charAt(digits))
                        == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS)) {
            digits++;
        }
        if (digits > 0) {
            int value = 0;
            for (int i = 0; i < digits; i++) {
                value = value * 10 + Character.digit(piece.charAt(i), 10);
            }
            // "1." numbers paragraphs: under parts "一、" they are paragraphs of the part, not parts of their own.
            return marker(piece, digits, value, false, 2);
        }
        int roman = 0;
        while (roman < Math.min(4, piece.length()) && ROMAN.indexOf(piece.charAt(roman)) >= 0) {
            roman++;
        }
        int value = roman > 0 ? RomanNumerals.parse(piece.substring(0, roman)) : 0;
        return value > 0 ? marker(piece, roman, value, false, 1) : null;
    }

    /** The Chinese numeral (formal ones made plain) at {@code from}, or null. */
    private static String numeralAt(String piece, int from) {
        StringBuilder numeral = new StringBuilder();
        for (int i = from; i < Math.min(from + MAX_NUMERAL_LENGTH, piece.length()); i++) {
            char plain = ChineseNumerals.plain(piece.charAt(i));
            if (!ChineseNumerals.isNumeralChar(plain)) {
                break;
            }
            numeral.append(plain);
        }
        return numeral.length() > 0 && ChineseNumerals.isNumeral(numeral.toString()) ? numeral.toString() : null;
    }

    /** "第三部分", alone or followed by a separator, a space or the part's title. */
    private SectionMarker ordinalPart(String piece) {
        if (!piece.startsWith(ordinalPrefix)) {
            return null;
        }
        String numeral = numeralAt(piece, ordinalPrefix.length());
        if (numeral == null) {
            return null;
        }
        int end = ordinalPrefix.length() + numeral.length();
        for (String noun : partNouns) {
            if (piece.startsWith(noun, end)) {
                int length = end + noun.length();
                while (length < piece.length() && (separators.indexOf(piece.charAt(length)) >= 0
                        || Character.isWhitespace(piece.charAt(length)) || piece.charAt(length) == '：')) {
                    length++;
                }
                return new SectionMarker(ChineseNumerals.parse(numeral), length, length == piece.length());
            }
        }
        return null;
    }

    private static final String DECIMAL_POINTS = ".．";

    /** A number is a part marker when it stands alone ({@code mayStandAlone}) or is followed by a separator. */
    private SectionMarker marker(String piece, int length, int value, boolean mayStandAlone, int level) {
        if (length == piece.length()) {
            return mayStandAlone ? new SectionMarker(value, length, true, level) : null;
        }
        if (separators.indexOf(piece.charAt(length)) < 0) {
            return null;
        }
        // "1.5" is a decimal; "二、2019年…" is part 二 whose text opens with a year ("、" separates no decimals).
        boolean decimal = DECIMAL_POINTS.indexOf(piece.charAt(length)) >= 0 && length + 1 < piece.length()
                && Character.isDigit(piece.charAt(length + 1));
        return decimal ? null : new SectionMarker(value, length + 1, length + 1 == piece.length(), level);
    }
}
