package org.commitmenttracker.extraction.engine.language;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps variant characters to the ones the lexicons are written in (Traditional to Simplified Chinese), one
 * character for one, so a folded text has the same length as the original and an index found in the folded
 * text cuts the original text as written.
 */
public final class ScriptFolding {
    private final Map<Character, Character> map;

    private ScriptFolding(Map<Character, Character> map) {
        this.map = map;
    }

    /** Reads pairs such as {@code 國国} (variant first), separated by whitespace. */
    public static ScriptFolding load(String resource) {
        Map<Character, Character> map = new HashMap<>();
        Lexicon.readLines(resource, line -> {
            for (String pair : line.split("\\s+")) {
                if (pair.length() != 2) {
                    throw new IllegalStateException(resource + ": not a pair of characters: " + pair);
                }
                map.put(pair.charAt(0), pair.charAt(1));
            }
        });
        return new ScriptFolding(Map.copyOf(map));
    }

    public String fold(String text) {
        if (map.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            Character folded = map.get(chars[i]);
            if (folded != null) {
                chars[i] = folded;
            }
        }
        return new String(chars);
    }

}
