package org.commitmenttracker.extraction.engine.lineage;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commitmenttracker.extraction.engine.language.Lexicon;

/**
 * What lineage needs of one language, read from {@code lineage/CODE.txt}: the words dropped before indexing, a
 * light stemmer (one ending stripped, then the stem cut to a fixed length: no dictionary, and the same stem for
 * the inflected and derived forms of a word) and the cues by which a later text reports a result, carries an
 * undertaking on, or says that its delivery is still going on.
 */
final class LineageLanguage {
    private final Set<String> stopWords;
    private final String stopCharacters;
    private final List<String> suffixes;
    private final int minStem;
    private final int stemLength;
    private final List<List<String>> completionCues;
    private final List<List<String>> continuationCues;
    private final List<List<String>> ongoingCues;
    private final Set<String> perfectAuxiliaries;
    private final List<String> participleEndings;
    private final Set<String> participles;
    private final Set<String> notCompletion;
    private final Set<String> futureMarkers;
    private final List<String> characterCues;
    private final List<String> characterContinuationCues;
    private final List<String> characterOngoingCues;

    private LineageLanguage(Lexicon lexicon, boolean characters) {
        stopWords = Set.copyOf(lower(lexicon.list("stop-words")));
        stopCharacters = String.join("", lexicon.listOrEmpty("stop-characters"));
        suffixes = lexicon.has("suffixes") ? lexicon.longestFirst("suffixes") : List.of();
        minStem = lexicon.has("min-stem") ? Integer.parseInt(lexicon.single("min-stem")) : 0;
        stemLength = lexicon.has("stem-length") ? Integer.parseInt(lexicon.single("stem-length")) : Integer.MAX_VALUE;
        List<String> cues = lexicon.list("completion-cues");
        List<String> continuation = lexicon.list("continuation-cues");
        completionCues = characters ? List.of() : phrases(cues);
        continuationCues = characters ? List.of() : phrases(continuation);
        characterCues = characters ? cues : List.of();
        characterContinuationCues = characters ? continuation : List.of();
        List<String> ongoing = lexicon.listOrEmpty("ongoing-cues");
        ongoingCues = characters ? List.of() : phrases(ongoing);
        characterOngoingCues = characters ? ongoing : List.of();
        perfectAuxiliaries = Set.copyOf(lower(lexicon.listOrEmpty("perfect-auxiliaries")));
        participleEndings = lexicon.listOrEmpty("participle-endings");
        participles = Set.copyOf(lower(lexicon.listOrEmpty("participles")));
        notCompletion = Set.copyOf(lower(lexicon.listOrEmpty("not-completion")));
        futureMarkers = Set.copyOf(lower(lexicon.listOrEmpty("future-markers")));
    }

    /** A language written in words (English, Russian). */
    static LineageLanguage words(String code) {
        return new LineageLanguage(Lexicon.load("lineage/" + code + ".txt"), false);
    }

    /** A language written in characters without spaces (Chinese): cues are matched as substrings. */
    static LineageLanguage characters(String code) {
        return new LineageLanguage(Lexicon.load("lineage/" + code + ".txt"), true);
    }

    boolean stopWord(String lowerCaseWord) {
        return stopWords.contains(lowerCaseWord);
    }

    boolean stopCharacter(char c) {
        return stopCharacters.indexOf(c) >= 0;
    }

    /** The word's stem: its longest listed ending stripped (leaving at least min-stem letters), cut to stem-length. */
    String stem(String lowerCaseWord) {
        String stem = lowerCaseWord;
        for (String suffix : suffixes) {
            if (stem.endsWith(suffix) && stem.length() - suffix.length() >= minStem) {
                stem = stem.substring(0, stem.length() - suffix.length());
                break;
            }
        }
        return stem.length() > stemLength ? stem.substring(0, stemLength) : stem;
    }

    /**
     * Whether the text reports a result: a completion cue ("has been", "launched"; a trailing {@code *} matches a
     * word's beginning) or a perfect ("we have mapped"), not right after a future marker ("will be held").
     * {@code words} are the text's words in lower case, in order; {@code text} the folded text (Chinese cues).
     */
    boolean reportsCompletion(List<String> words, String text) {
        for (String cue : characterCues) {
            int at = text.indexOf(cue);
            if (at >= 0 && !futureBefore(text, at)) {
                return true;
            }
        }
        for (int i = 0; i < words.size(); i++) {
            if (futureMarkers.contains(previous(words, i))) {
                continue;
            }
            for (List<String> cue : completionCues) {
                if (matchesAt(words, i, cue)) {
                    return true;
                }
            }
            if (perfectAuxiliaries.contains(words.get(i)) && i + 1 < words.size() && participle(words.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text carries an undertaking on ("continue", "further"): a continuation cue of the language. */
    boolean carriesOn(List<String> words, String text) {
        return hasCue(words, text, continuationCues, characterContinuationCues);
    }

    /**
     * Whether the text says that delivery goes on ("continue", "progress"): a result it reports is then a step of an
     * undertaking still carried on, not its completion.
     */
    boolean reportsOngoing(List<String> words, String text) {
        return hasCue(words, text, ongoingCues, characterOngoingCues);
    }

    private static boolean hasCue(List<String> words, String text, List<List<String>> phraseCues,
                                  List<String> characterCues) {
        if (characterCues.stream().anyMatch(text::contains)) {
            return true;
        }
        for (int i = 0; i < words.size(); i++) {
            for (List<String> cue : phraseCues) {
                if (matchesAt(words, i, cue)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<List<String>> phrases(List<String> cues) {
        return lower(cues).stream().map(c -> List.of(c.split("\\s+"))).toList();
    }

    private boolean futureBefore(String text, int at) {
        for (String marker : futureMarkers) {
            int before = at - marker.length();
            if (before >= 0 && text.startsWith(marker, before)) {
                return true;
            }
        }
        return false;
    }

    private boolean participle(String word) {
        if (notCompletion.contains(word)) {
            return false;
        }
        return participles.contains(word) || participleEndings.stream().anyMatch(e -> word.length() > e.length() + 2 && word.endsWith(e));
    }

    private static String previous(List<String> words, int i) {
        return i == 0 ? "" : words.get(i - 1);
    }

    /** Whether {@code cue}'s words stand at {@code at}; a word ending in {@code *} matches any word it begins. */
    static boolean matchesAt(List<String> words, int at, List<String> cue) {
        if (at + cue.size() > words.size()) {
            return false;
        }
        for (int k = 0; k < cue.size(); k++) {
            String expected = cue.get(k);
            String word = words.get(at + k);
            boolean prefix = expected.endsWith("*");
            if (prefix ? !word.startsWith(expected.substring(0, expected.length() - 1)) : !word.equals(expected)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
