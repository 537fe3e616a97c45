package org.commitmenttracker.extraction.engine.language.zh;

/** Roman part numbers I … XXXIX; 0 for anything else. */
final class RomanNumerals {
    private RomanNumerals() {
    }

    static int parse(String numeral) {
        int value = 0;
        for (int i = 0; i < numeral.length(); i++) {
            int current = valueOf(numeral.charAt(i));
            int next = i + 1 < numeral.length() ? valueOf(numeral.charAt(i + 1)) : 0;
            value += current < next ? -current : current;
        }
        return value;
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
