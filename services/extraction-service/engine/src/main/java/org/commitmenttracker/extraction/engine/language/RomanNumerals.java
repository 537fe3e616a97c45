package org.commitmenttracker.extraction.engine.language;

/** Upper-case Roman part numbers I … XXXIX, as the Chinese and the alphabetic section numberings read them. */
public final class RomanNumerals {
    private static final String[] TENS = {"", "X", "XX", "XXX"};
    private static final String[] UNITS = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};

    private RomanNumerals() {
    }

    /** The value by the subtraction rule, letters other than I, V, X counting 0: lenient (IIII is 4). */
    public static int parse(String numeral) {
        int value = 0;
        for (int i = 0; i < numeral.length(); i++) {
            int current = valueOf(numeral.charAt(i));
            int next = i + 1 < numeral.length() ? valueOf(numeral.charAt(i + 1)) : 0;
            value += current < next ? -current : current;
        }
        return value;
    }

    /** The value of I … XXXIX written canonically; 0 for anything else (IIII, IC, a letter other than I, V, X). */
    public static int parseCanonical(String numeral) {
        int value = parse(numeral);
        return value >= 1 && value <= 39 && (TENS[value / 10] + UNITS[value % 10]).equals(numeral) ? value : 0;
    }

    private static int valueOf(char c) {
        return switch (c) {
            case 'I' -> 1;
            case 'V' -> 5;
            case 'X' -> 10;
            default -> 0;
        };
    }
}
