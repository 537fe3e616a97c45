package org.commitmenttracker.extraction.engine.language.zh;

/** Chinese numerals as used for part numbers and ordinals (一 … 九十九). */
public final class ChineseNumerals {
    private static final String DIGITS = "〇一二三四五六七八九";
    private static final char TEN = '十';
    /** The formal ("financial") numerals some documents number their parts with ("壹、", "贰、", "參、"), in value order. */
    private static final String FORMAL = "〇壹贰叁肆伍陆柒捌玖拾";
    private static final char FORMAL_THREE_VARIANT = '参';

    private ChineseNumerals() {
    }

    public static boolean isNumeralChar(char c) {
        return c == TEN || DIGITS.indexOf(c) > 0;
    }

    /** The usual numeral for a formal one ("贰" → "二", "参" → "三"); any other character as it is. */
    public static char plain(char c) {
        if (c == FORMAL_THREE_VARIANT) {
            return DIGITS.charAt(3);
        }
        int formal = FORMAL.indexOf(c);
        return formal < 0 ? c : formal == FORMAL.length() - 1 ? TEN : DIGITS.charAt(formal);
    }

    /** One to ninety-nine in the usual written form: "七", "十", "十二", "二十", "二十七". */
    public static boolean isNumeral(String numeral) {
        int tens = numeral.indexOf(TEN);
        if (tens < 0) {
            return numeral.length() == 1 && DIGITS.indexOf(numeral.charAt(0)) > 0;
        }
        boolean highOk = tens == 0 || (tens == 1 && DIGITS.indexOf(numeral.charAt(0)) > 1);
        int rest = numeral.length() - tens - 1;
        boolean lowOk = rest == 0 || (rest == 1 && DIGITS.indexOf(numeral.charAt(tens + 1)) > 0);
        return highOk && lowOk;
    }

    public static int parse(String numeral) {
        int tens = numeral.indexOf(TEN);
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
