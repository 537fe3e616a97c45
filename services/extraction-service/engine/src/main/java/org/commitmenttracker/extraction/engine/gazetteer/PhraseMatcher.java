package org.commitmenttracker.extraction.engine.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds known phrases in a text and returns what they stand for, in order of first mention. Where two
 * phrases overlap the longer one wins, so "联合国安理会" is not also read as "联合国".
 */
final class PhraseMatcher {
    private record Match(int start, int length, String value) {
    }

    private final Map<String, String> valueByPhrase;

    PhraseMatcher(Map<String, String> valueByPhrase) {
        this.valueByPhrase = Map.copyOf(valueByPhrase);
    }

    List<String> valuesIn(String text) {
        List<Match> matches = new ArrayList<>();
        valueByPhrase.forEach((phrase, value) -> {
            for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length())) {
                matches.add(new Match(at, phrase.length(), value));
            }
        });
        matches.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::length).reversed()));
        Set<String> values = new LinkedHashSet<>();
        int coveredUntil = 0;
        for (Match match : matches) {
            if (match.start() >= coveredUntil) {
                values.add(match.value());
                coveredUntil = match.start() + match.length();
            }
        }
        return List.copyOf(values);
    }
}
