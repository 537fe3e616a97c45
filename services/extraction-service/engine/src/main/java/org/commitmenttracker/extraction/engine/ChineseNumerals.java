package org.commitmenttracker.extraction.engine;

/** Chinese numerals as used for part numbers and ordinals (一 … 九十九). */
public final class ChineseNumerals {
    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumerals() {
    }

    public static int parse(String numeral) {
        int tens = numeral.indexOf('十');
        if (tens < 0) {
            return digit(numeral.charAt(0));
        }
        int high = tens == 0 ? 1 : digit(numeral.charAt(0));
        int low = tens == numeral.length() - 1 ? 0 : digit(numeral.charAt(tens + 1));
        return high * 10 + low;
    }

    private static int digit(char c) {
        int value = DIGITS.indexOf(c);
        if (value < 0) {
            throw new IllegalArgumentException("Not a Chinese numeral: " + c);
        }
        return value;
    }
}
