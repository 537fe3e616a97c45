package org.commitmenttracker.extraction.engine.commitments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commitmenttracker.extraction.engine.language.Lexicon;

/**
 * Instruments named without brackets, as English writes them: an article ("the"), a capitalised title that ends
 * in an instrument noun ("Paris Agreement", "2030 Agenda") and optionally a qualifier in title case that opens
 * with a listed preposition ("… on Trade in Services", "… of Good-Neighbourliness and Friendly Cooperation").
 * Every word comes from the lexicon ({@code instrument.article}, {@code instrument.noun},
 * {@code instrument.qualifier}, {@code instrument.connector}). A bare noun ("the Agreement") and lowercase
 * mentions ("the agreement") are no names. Linear in the text: each word is read a bounded number of times.
 */
public final class NamedInstruments {
    private static final int MAX_WORDS = 24;

    private final Set<String> articles;
    private final Set<String> nouns;
    private final Set<String> qualifiers;
    private final Set<String> connectors;

    public NamedInstruments(Lexicon lexicon) {
        this.articles = lower(lexicon.listOrEmpty("instrument.article"));
        this.nouns = Set.copyOf(lexicon.listOrEmpty("instrument.noun"));
        this.qualifiers = lower(lexicon.listOrEmpty("instrument.qualifier"));
        this.connectors = lower(lexicon.listOrEmpty("instrument.connector"));
    }

    public boolean enabled() {
        return !articles.isEmpty() && !nouns.isEmpty();
    }

    private static Set<String> lower(List<String> words) {
        return Set.copyOf(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    }

    /** A word of the text: its bounds. */
    private record Word(int start, int end, String text) {
        boolean capitalised() {
            return Character.isUpperCase(text.charAt(0));
        }

        boolean numeric() {
            return Character.isDigit(text.charAt(0));
        }

        boolean titled() {
            return capitalised() || numeric();
        }
    }

    /** A title found at a position of the text. */
    public record Found(int start, String title) {
    }

    public List<Found> in(String text) {
        List<Found> found = new ArrayList<>();
        if (!enabled()) {
            return found;
        }
        List<Word> words = words(text);
        int i = 0;
        while (i < words.size()) {
            Word word = words.get(i);
            if (articles.contains(word.text().toLowerCase(Locale.ROOT))) {
                int end = titleEnd(text, words, i + 1);
                if (end > i + 1) {
                    Word first = words.get(i + 1);
                    Word last = words.get(end - 1);
                    found.add(new Found(first.start(), text.substring(first.start(), last.end())));
                    i = end;
                    continue;
                }
            }
            i++;
        }
        return found;
    }

    /** Words of letters, digits, hyphens, dashes and apostrophes, and every other non-space character alone. */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetterOrDigit(c)) {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || isJoiner(text, i))) {
                    i++;
                }
            } else {
                i++;
            }
            words.add(new Word(start, i, text.substring(start, i)));
        }
        return words;
    }

    /** A hyphen, dash or apostrophe between two letters or digits joins them into one word. */
    private static boolean isJoiner(String text, int i) {
        char c = text.charAt(i);
        boolean joiner = c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013' || c == '\'' || c == '\u2019';
        return joiner && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))
                && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
    }

    private static boolean adjacent(String text, Word a, Word b) {
        for (int k = a.end(); k < b.start(); k++) {
            if (!Character.isWhitespace(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The index after the title's last word when words from {@code from} make a title; else {@code from}. */
    private int titleEnd(String text, List<Word> words, int from) {
        // The title before its qualifier: titled words (and "and" between two of them, not after a noun).
        int lastNoun = -1;
        int end = from;
        int words0 = 0;
        for (int k = from; k < words.size() && k - from < MAX_WORDS; k++) {
            Word word = words.get(k);
            if (k > from && !adjacent(text, words.get(k - 1), word)) {
                break;
            }
            if (word.titled() && !articles.contains(word.text().toLowerCase(Locale.ROOT))) {
                end = k + 1;
                words0++;
                if (nouns.contains(word.text())) {
                    lastNoun = k;
                }
            } else if (k > from && word.text().equals("and") && lastNoun != k - 1 && k + 1 < words.size()
                    && words.get(k + 1).capitalised() && adjacent(text, word, words.get(k + 1))) {
                continue;
            } else {
                break;
            }
        }
        if (lastNoun < 0) {
            return from;
        }
        // After the last noun only a year or number may follow ("Agenda 2063").
        int tail = lastNoun + 1;
        while (tail < end && words.get(tail).numeric()) {
            tail++;
        }
        if (tail < end) {
            return from;
        }
        int count = words0;
        // The qualifier: "on/for/of/between" + title-case words joined by connectors.
        if (end < words.size() && adjacent(text, words.get(end - 1), words.get(end))
                && qualifiers.contains(words.get(end).text())) {
            boolean between = false;
            int k = end;
            int qualifiedEnd = end;
            while (k < words.size() && k - from < MAX_WORDS) {
                // one or more connectors, then a capitalised word
                int c = k;
                while (c < words.size() && connectors.contains(words.get(c).text()) && adjacent(text, words.get(c - 1), words.get(c))) {
                    c++;
                }
                if (c == k && k != qualifiedEnd) {
                    break;
                }
                for (int j = k; j < c; j++) {
                    between |= words.get(j).text().equals("between");
                }
                if (c == k || c >= words.size() || !words.get(c).capitalised() || !adjacent(text, words.get(c - 1), words.get(c))) {
                    break;
                }
                if (!between && c - k >= 2 && words.get(k).text().equals("and")
                        && articles.contains(words.get(k + 1).text().toLowerCase(Locale.ROOT))) {
                    break; // "… and the Paris Agreement": a second name, not part of this one
                }
                k = c;
                while (k < words.size() && words.get(k).titled() && adjacent(text, words.get(k - 1), words.get(k))
                        && !connectors.contains(words.get(k).text())) {
                    k++;
                    count++;
                }
                qualifiedEnd = k;
            }
            end = qualifiedEnd;
        }
        return count >= 2 ? end : from;
    }
}
