package org.commitmenttracker.extraction.engine.gazetteer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.extraction.engine.language.Lexicon;

/** International organisations by their names as written, answered as canonical acronyms (gazetteer data). */
public final class Organisations {
    private final PhraseMatcher matcher;

    private Organisations(PhraseMatcher matcher) {
        this.matcher = matcher;
    }

    public static Organisations load(String resource) {
        Map<String, String> acronymByName = new HashMap<>();
        Lexicon.readLines(resource, line -> {
            String[] columns = line.split("\t");
            for (String name : columns[1].split("\\|")) {
                acronymByName.put(name.strip(), columns[0].strip());
            }
        });
        return new Organisations(new PhraseMatcher(acronymByName));
    }

    /** Acronyms of the organisations named in a folded text, each once, in order of first mention. */
    public List<String> namedIn(String folded) {
        return matcher.valuesIn(folded);
    }
}
