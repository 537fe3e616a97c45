package org.commitmenttracker.extraction.engine.text;

/** Character classes the clean-up and the layout rules need, independent of any one language. */
public final class Characters {
    private Characters() {
    }

    /** Han ideographs (CJK unified, extensions and compatibility). */
    public static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Characters of East Asian scripts and their full-width punctuation, between which no space is written. */
    public static boolean isWide(char c) {
        return isHan(c) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0xAC00 && c <= 0xD7AF)
                || c == '\u2014' || c == '\u2013' || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019'
                || c == '\u2026' || c == '\u00B7';
    }

    public static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Letters of alphabetic scripts (Latin, Cyrillic, Greek …), which keep the spaces between their words. */
    public static boolean isAlphabetic(char c) {
        return Character.isLetter(c) && !isWide(c);
    }

    /** Columns a character takes in a monospaced layout: two for wide characters. */
    public static int columns(char c) {
        return isWide(c) ? 2 : 1;
    }

    /**
     * Whether the space between two characters is part of the text. A line wrap or a stray space between
     * wide characters, or between a digit and a wide character ("2022 年"), is an artefact of layout; a space
     * between two words of an alphabetic script, or between such a word and Chinese text, is kept.
     */
    public static boolean keepsSpaceBetween(char before, char after) {
        boolean beforeWord = isAlphabetic(before) || isAsciiDigit(before);
        boolean afterWord = isAlphabetic(after) || isAsciiDigit(after);
        if (beforeWord && afterWord) {
            return true;
        }
        return (isAlphabetic(before) && isHan(after)) || (isHan(before) && isAlphabetic(after));
    }
}
