package org.commitmenttracker.extraction.engine.language;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks that open a list item: the language's symbols ("——", "•" …) and the forms every language shares:
 * a dash and a space, "(a)", "a.", "1)".
 */
public final class BulletMarkers {
    private static final Pattern SHARED_FORMS = Pattern.compile("^(?:[\u2014\u2013-]\\s|[(\uFF08][a-z][)\uFF09]\\s?|[a-z][.)]\\s|\\d{1,2}[)\uFF09]\\s?)");

    private final List<String> symbols;
    private final Pattern ownForms;

    BulletMarkers(Lexicon lexicon) {
        this.symbols = lexicon.longestFirst("bullet.marker");
        List<String> forms = lexicon.listOrEmpty("bullet.form");
        this.ownForms = forms.isEmpty() ? null : Pattern.compile("^(?:" + String.join("|", forms) + ")");
    }

    /** Length of the marker {@code piece} starts with (followed by something), 0 if none. */
    public int markerLength(String piece) {
        String symbol = Lexicon.prefixAt(piece, 0, symbols);
        if (symbol != null) {
            if (piece.length() <= symbol.length()) {
                return 0;
            }
            // "• (1) Enhance …": a web copy renders a numbered item under a bullet; both mark the item.
            int after = symbol.length();
            while (after < piece.length() && Character.isWhitespace(piece.charAt(after))) {
                after++;
            }
            int numbered = after > symbol.length() ? formLength(piece.substring(after)) : 0;
            return numbered > 0 ? after + numbered : symbol.length();
        }
        return formLength(piece);
    }

    /** The symbol a marker opens with ("•" of "•" and of "• (3)"), or null for a lettered or numbered form alone. */
    public String symbolOf(String marker) {
        return Lexicon.prefixAt(marker, 0, symbols);
    }

    /** Length of the lettered or numbered form {@code piece} starts with (followed by something), 0 if none. */
    private int formLength(String piece) {
        Matcher shared = SHARED_FORMS.matcher(piece);
        if (shared.lookingAt() && shared.end() < piece.length()) {
            return shared.end();
        }
        if (ownForms != null) {
            Matcher own = ownForms.matcher(piece);
            return own.lookingAt() && own.end() < piece.length() ? own.end() : 0;
        }
        return 0;
    }

    /**
     * Whether {@code next} is the marker after {@code current} in one list: the same form around the next letter
     * or number ("b." after "a.", "(iii)" after "(ii)", "4)" after "3)").
     */
    public static boolean follows(String current, String next) {
        int from = 0;
        while (from < current.length() && from < next.length() && current.charAt(from) == next.charAt(from)
                && !Character.isLetterOrDigit(current.charAt(from))) {
            from++;
        }
        int currentEnd = coreEnd(current, from);
        int nextEnd = coreEnd(next, from);
        if (currentEnd == from || nextEnd == from
                || !current.substring(currentEnd).equals(next.substring(nextEnd))) {
            return false;
        }
        String a = current.substring(from, currentEnd);
        String b = next.substring(from, nextEnd);
        if (Character.isDigit(a.charAt(0)) && Character.isDigit(b.charAt(0))) {
            return a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(b) == Integer.parseInt(a) + 1;
        }
        int romanA = roman(a);
        if (romanA > 0 && roman(b) == romanA + 1) {
            return true;
        }
        return a.length() == 1 && b.length() == 1 && Character.isLetter(a.charAt(0)) && b.charAt(0) == a.charAt(0) + 1;
    }

    private static int coreEnd(String marker, int from) {
        int end = from;
        while (end < marker.length() && Character.isLetterOrDigit(marker.charAt(end)) && end - from < 6) {
            end++;
        }
        return end;
    }

    /** The value of a lower-case Roman numeral up to 39, 0 when {@code s} is none. */
    private static int roman(String s) {
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            int digit = romanDigit(s.charAt(i));
            if (digit == 0) {
                return 0;
            }
            int following = i + 1 < s.length() ? romanDigit(s.charAt(i + 1)) : 0;
            value += digit < following ? -digit : digit;
        }
        return value;
    }

    private static int romanDigit(char c) {
        return c == 'i' ? 1 : c == 'v' ? 5 : c == 'x' ? 10 : 0;
    }
}
