package org.commitmenttracker.extraction.engine.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commitmenttracker.extraction.engine.language.Lexicon;

/**
 * The genre's concept groups of one language, read from {@code lineage/CODE-concepts.txt}: words and phrases that
 * communiqués use interchangeably for one kind of undertaking ("vaccine", "immunization"; "satellite", "Earth
 * observation"), each group named by a concept shared across languages. A text gets a concept token for each entry
 * it contains, so that two restatements of one pledge in different words share a token.
 */
final class LineageConcepts {
    /** Concept tokens start with a mark no word or bigram token has. */
    static final String MARK = "~";

    private final List<Entry> entries = new ArrayList<>();
    /** Word entries by the first letter of their first word, so a word is compared with few entries. */
    private final Map<Character, List<Entry>> byInitial = new HashMap<>();
    private final boolean characters;

    private LineageConcepts(String code, boolean characters) {
        this.characters = characters;
        Lexicon.readLines("lineage/" + code + "-concepts.txt", line -> {
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException("lineage/" + code + "-concepts.txt: not a 'concept = entries' line: " + line);
            }
            String concept = MARK + line.substring(0, eq).strip();
            for (String entry : line.substring(eq + 1).split("\\|")) {
                String phrase = entry.strip().toLowerCase(Locale.ROOT);
                if (!phrase.isEmpty()) {
                    // Split like the text's words: "people-to-people" is three words there.
                    Entry parsed = new Entry(concept, phrase, List.of(phrase.split("[^\\p{L}\\p{N}*]+")));
                    entries.add(parsed);
                    byInitial.computeIfAbsent(parsed.words().get(0).charAt(0), c -> new ArrayList<>()).add(parsed);
                }
            }
        });
    }

    /** Concepts of a language written in words: entries are phrases matched word by word. */
    static LineageConcepts words(String code) {
        return new LineageConcepts(code, false);
    }

    /** Concepts of a language written in characters: entries are matched as substrings. */
    static LineageConcepts characters(String code) {
        return new LineageConcepts(code, true);
    }

    /**
     * Adds to {@code tokens} one concept token for each occurrence of an entry: in {@code words} (the text's lower-case
     * words, in order) or, for a language written in characters, in the folded {@code text}.
     */
    void addConcepts(List<String> words, String text, List<String> tokens) {
        if (characters) {
            for (Entry entry : entries) {
                for (int at = text.indexOf(entry.phrase()); at >= 0; at = text.indexOf(entry.phrase(), at + 1)) {
                    tokens.add(entry.concept());
                }
            }
            return;
        }
        for (int i = 0; i < words.size(); i++) {
            for (Entry entry : byInitial.getOrDefault(words.get(i).charAt(0), List.of())) {
                if (LineageLanguage.matchesAt(words, i, entry.words())) {
                    tokens.add(entry.concept());
                }
            }
        }
    }

    private record Entry(String concept, String phrase, List<String> words) {
    }
}
