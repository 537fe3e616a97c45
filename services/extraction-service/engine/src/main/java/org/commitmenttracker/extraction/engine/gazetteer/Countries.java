package org.commitmenttracker.extraction.engine.gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.extraction.engine.language.Lexicon;

/** States by name and by the one-character short form used in compounds ("中俄") and subjects ("俄方"). */
public final class Countries {
    private final PhraseMatcher fullNames;
    private final Map<Character, String> codeByShortForm;

    private Countries(PhraseMatcher fullNames, Map<Character, String> codeByShortForm) {
        this.fullNames = fullNames;
        this.codeByShortForm = Map.copyOf(codeByShortForm);
    }

    public static Countries load(String resource) {
        Map<String, String> codeByName = new HashMap<>();
        Map<Character, String> codeByShortForm = new HashMap<>();
        Lexicon.readLines(resource, line -> {
            String[] columns = line.split("\t");
            String code = columns[0].strip();
            for (String name : columns[1].split("\\|")) {
                codeByName.put(name.strip(), code);
            }
            if (columns.length > 2 && !columns[2].isBlank()) {
                codeByShortForm.put(columns[2].strip().charAt(0), code);
            }
        });
        return new Countries(new PhraseMatcher(codeByName), codeByShortForm);
    }

    /** ISO codes of the states named in full in a folded text, in order of first mention. */
    public List<String> namedIn(String folded) {
        return fullNames.valuesIn(folded);
    }

    /** The ISO code of a short form, or null. */
    public String codeOfShortForm(char c) {
        return codeByShortForm.get(c);
    }

    /** The states of a compound of short forms at {@code from} ("中俄…" gives CN, RU); empty if none. */
    public List<String> compoundAt(String folded, int from) {
        List<String> codes = new ArrayList<>();
        for (int i = from; i < folded.length(); i++) {
            String code = codeByShortForm.get(folded.charAt(i));
            if (code == null || codes.contains(code)) {
                break;
            }
            codes.add(code);
        }
        return codes.size() >= 2 ? List.copyOf(codes) : List.of();
    }
}
