package org.commitmenttracker.extraction.engine.gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.extraction.engine.language.Lexicon;

/** States by name and by the one-character short form used in compounds ("中俄") and subjects ("俄方"). */
public final class Countries {
    private final PhraseMatcher fullNames;
    private final PhraseMatcher subjectNames;
    private final Map<Character, List<String>> codesByShortForm;

    private Countries(PhraseMatcher fullNames, PhraseMatcher subjectNames, Map<Character, List<String>> codesByShortForm) {
        this.fullNames = fullNames;
        this.subjectNames = subjectNames;
        this.codesByShortForm = Map.copyOf(codesByShortForm);
    }

    public static Countries load(String resource) {
        Map<String, String> codeByName = new HashMap<>();
        Map<Character, List<String>> codesByShortForm = new HashMap<>();
        Map<String, String> codeBySubjectName = new HashMap<>();
        Lexicon.readLines(resource, line -> {
            String[] columns = line.split("\t");
            String code = columns[0].strip();
            for (String name : columns[1].split("\\|")) {
                codeByName.put(name.strip(), code);
            }
            if (columns.length > 2 && !columns[2].isBlank()) {
                codesByShortForm.computeIfAbsent(columns[2].strip().charAt(0), c -> new ArrayList<>()).add(code);
            }
            if (columns.length > 3) {
                for (String adjective : columns[3].split("\\|")) {
                    if (!adjective.isBlank()) {
                        codeBySubjectName.put(adjective.strip(), code);
                        // A Russian adjective is capitalised only where it opens the sentence: "Российская и
                        // белорусская стороны".
                        if (Character.UnicodeScript.of(adjective.strip().charAt(0)) == Character.UnicodeScript.CYRILLIC) {
                            codeBySubjectName.put(adjective.strip().toLowerCase(java.util.Locale.ROOT), code);
                        }
                    }
                }
            }
        });
        codeBySubjectName.putAll(codeByName);
        codesByShortForm.replaceAll((c, codes) -> List.copyOf(codes));
        return new Countries(new PhraseMatcher(codeByName), new PhraseMatcher(codeBySubjectName), codesByShortForm);
    }

    /** ISO codes of the states named in full in a folded text, in order of first mention. */
    public List<String> namedIn(String folded) {
        return fullNames.valuesIn(folded);
    }

    /**
     * A state named at {@code at} as the subject of a clause, by its name or the adjective of "the X side"
     * ("China", "the Russian side", "Российская сторона"), as {code, length}; null if none.
     */
    public String[] subjectAt(String folded, int at) {
        return subjectNames.phraseAt(folded, at);
    }

    /** Every state a short form may stand for ("阿": the UAE, Argentina, Oman …), in the order listed. */
    public List<String> codesOfShortForm(char c) {
        return codesByShortForm.getOrDefault(c, List.of());
    }

    /**
     * The states of a compound of short forms at {@code from} ("中俄…" gives CN, RU); empty if none. A short form
     * several states share stands for the one among {@code named}, the states the text names elsewhere ("中巴":
     * Brazil where the text names Brazil); else the compound ends there ("中阿" may be China and the Arab States).
     */
    public List<String> compoundAt(String folded, int from, List<String> named) {
        List<String> codes = new ArrayList<>();
        for (int i = from; i < folded.length(); i++) {
            List<String> candidates = codesOfShortForm(folded.charAt(i));
            String code = candidates.size() == 1 ? candidates.get(0)
                    : candidates.stream().filter(named::contains).findFirst().orElse(null);
            if (code == null || codes.contains(code)) {
                break;
            }
            codes.add(code);
        }
        return codes.size() >= 2 ? List.copyOf(codes) : List.of();
    }
}
