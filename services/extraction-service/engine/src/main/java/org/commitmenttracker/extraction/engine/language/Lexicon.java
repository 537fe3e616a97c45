package org.commitmenttracker.extraction.engine.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.commitmenttracker.extraction.engine.text.Characters;

/**
 * Named lists of words and marks of one language ({@code key = entry|entry|...}), read from a resource next to
 * the engine's classes. Keeping every language-specific entry in data lets a language be added without code.
 */
public final class Lexicon {
    private final String name;
    private final Map<String, List<String>> entries;

    private Lexicon(String name, Map<String, List<String>> entries) {
        this.name = name;
        this.entries = entries;
    }

    public static Lexicon load(String resource) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        readLines(resource, line -> {
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException(resource + ": not a 'key = entries' line: " + line);
            }
            List<String> values = Arrays.stream(line.substring(eq + 1).split("\\|")).map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
            entries.put(line.substring(0, eq).strip(), values);
        });
        return new Lexicon(resource, entries);
    }

    /** The entries under {@code key}; a missing key is a defect of the resource, not of the input. */
    public List<String> list(String key) {
        List<String> values = entries.get(key);
        if (values == null) {
            throw new IllegalStateException(name + " has no entry '" + key + "'");
        }
        return values;
    }

    /** Whether the resource has {@code key}: optional keys switch on forms only some languages have. */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The entries under {@code key}, or none when the resource does not have it. */
    public List<String> listOrEmpty(String key) {
        return entries.getOrDefault(key, List.of());
    }

    /** The entries under {@code key}, longest first, so that a prefix match takes the longest entry. */
    public List<String> longestFirst(String key) {
        List<String> sorted = new ArrayList<>(list(key));
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }

    /** The single-character entries under {@code key} as one string, for {@code indexOf} membership tests. */
    public String chars(String key) {
        StringBuilder chars = new StringBuilder();
        for (String value : list(key)) {
            chars.append(value);
        }
        return chars.toString();
    }

    public String single(String key) {
        List<String> values = list(key);
        if (values.size() != 1) {
            throw new IllegalStateException(name + ": '" + key + "' must have exactly one entry");
        }
        return values.get(0);
    }

    /** The first of {@code longestFirst} that {@code text} has at {@code at}, or null. */
    public static String prefixAt(String text, int at, List<String> longestFirst) {
        for (String candidate : longestFirst) {
            if (text.startsWith(candidate, at)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Like {@link #prefixAt}, but ignoring case, and an entry that ends in a letter of an alphabetic script
     * only matches a whole word ("will" is not read in "willing"). Entries in Chinese match as before.
     */
    public static String phraseAt(String text, int at, List<String> longestFirst) {
        for (String candidate : longestFirst) {
            if (text.regionMatches(true, at, candidate, 0, candidate.length())) {
                int end = at + candidate.length();
                char last = candidate.charAt(candidate.length() - 1);
                boolean word = Character.isLetterOrDigit(last) && !Characters.isWide(last);
                if (!word || end >= text.length() || !Character.isLetterOrDigit(text.charAt(end))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /**
     * Entries indexed by their first character (ignoring case), for {@link #phraseAt} at every clause of a long
     * text without trying every entry at every position.
     */
    public static final class PhraseIndex {
        private final java.util.Map<Character, List<String>> byInitial = new java.util.HashMap<>();

        public PhraseIndex(List<String> longestFirst) {
            for (String entry : longestFirst) {
                byInitial.computeIfAbsent(Character.toLowerCase(entry.charAt(0)), c -> new ArrayList<>()).add(entry);
            }
        }

        /** The longest entry at {@code at}, as {@link #phraseAt} finds it, or null. */
        public String at(String text, int at) {
            if (at >= text.length()) {
                return null;
            }
            List<String> candidates = byInitial.get(Character.toLowerCase(text.charAt(at)));
            return candidates == null ? null : phraseAt(text, at, candidates);
        }
    }

    /** Reads the non-blank, non-comment lines of a UTF-8 resource next to this class's package root. */
    public static void readLines(String resource, Consumer<String> line) {
        InputStream in = Lexicon.class.getResourceAsStream("/org/commitmenttracker/extraction/engine/" + resource);
        if (in == null) {
            throw new IllegalStateException("Missing engine resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String next;
            while ((next = reader.readLine()) != null) {
                String stripped = next.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    line.accept(stripped);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
