package org.commitmenttracker.extraction.engine.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commitmenttracker.extraction.engine.text.Characters;

/**
 * Finds known phrases in a text and returns what they stand for, in order of first mention. Where two
 * phrases overlap the longer one wins, so "联合国安理会" is not also read as "联合国".
 */
final class PhraseMatcher {
    private final Map<String, String> valueByPhrase;
    private final Map<Character, List<String>> phrasesByInitial;

    PhraseMatcher(Map<String, String> valueByPhrase) {
        this.valueByPhrase = Map.copyOf(valueByPhrase);
        Map<Character, List<String>> byInitial = new java.util.HashMap<>();
        valueByPhrase.keySet().forEach(p -> byInitial.computeIfAbsent(p.charAt(0), c -> new ArrayList<>()).add(p));
        byInitial.values().forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed()));
        this.phrasesByInitial = Map.copyOf(byInitial);
    }

    List<String> valuesIn(String text) {
        // Left to right, the longest phrase at each place, then on past it: where phrases overlap the longer wins.
        Set<String> values = new LinkedHashSet<>();
        int at = 0;
        while (at < text.length()) {
            String phrase = longestAt(text, at);
            if (phrase == null) {
                at++;
            } else {
                values.add(valueByPhrase.get(phrase));
                at += phrase.length();
            }
        }
        return List.copyOf(values);
    }

    /** The longest phrase at {@code at} as a whole word, as {value, length}, or null. */
    String[] phraseAt(String text, int at) {
        String phrase = longestAt(text, at);
        return phrase == null ? null : new String[] {valueByPhrase.get(phrase), String.valueOf(phrase.length())};
    }

    private String longestAt(String text, int at) {
        List<String> candidates = at < text.length() ? phrasesByInitial.get(text.charAt(at)) : null;
        if (candidates != null) {
            for (String phrase : candidates) {
                if (text.startsWith(phrase, at) && wholeWord(text, at, phrase)) {
                    return phrase;
                }
            }
        }
        return null;
    }

    /**
     * A phrase of an alphabetic script matches whole words only ("UN" is not read in "UNITED", "India" not in
     * "Indian"); a Chinese phrase matches anywhere, as Chinese writes no spaces between words.
     */
    static boolean wholeWord(String text, int at, String phrase) {
        int end = at + phrase.length();
        boolean openStart = !isWordChar(phrase.charAt(0)) || at == 0 || !isWordChar(text.charAt(at - 1));
        boolean openEnd = !isWordChar(phrase.charAt(phrase.length() - 1)) || end >= text.length() || !isWordChar(text.charAt(end));
        return openStart && openEnd;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) && !Characters.isWide(c);
    }
}
