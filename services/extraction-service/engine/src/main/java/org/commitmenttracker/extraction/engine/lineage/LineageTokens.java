package org.commitmenttracker.extraction.engine.lineage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.commitmenttracker.extraction.engine.gazetteer.Countries;

import org.commitmenttracker.extraction.engine.language.ScriptFolding;
import org.commitmenttracker.extraction.engine.text.Characters;

/**
 * The normalised tokens a commitment is indexed and compared by. The text is NFKC-normalised, folded (Traditional
 * to Simplified Chinese, "ё" to "е", typographic apostrophes) and lower-cased; then each run of Han characters
 * gives its character bigrams (Chinese has no spaces to find words by), and each word of letters and digits its
 * stem, in the stemmer of its script (Cyrillic: Russian, else English), stop words left out. Last come the
 * concept tokens of the genre's interchangeable words ({@link LineageConcepts}). Thread-safe.
 */
public final class LineageTokens {
    private final List<ScriptFolding> foldings;
    private final LineageLanguage english;
    private final LineageLanguage russian;
    private final LineageLanguage chinese;
    private final List<LineageConcepts> concepts;
    private final Countries countries;

    private LineageTokens() {
        foldings = List.of(ScriptFolding.load("language/zh/traditional-simplified.txt"),
                ScriptFolding.load("language/ru/folding.txt"), ScriptFolding.load("language/en/folding.txt"));
        english = LineageLanguage.words("en");
        russian = LineageLanguage.words("ru");
        chinese = LineageLanguage.characters("zh");
        concepts = List.of(LineageConcepts.words("en"), LineageConcepts.words("ru"), LineageConcepts.characters("zh"));
        countries = Countries.load("gazetteer/countries.tsv");
    }

    private static final class Standard {
        static final LineageTokens INSTANCE = new LineageTokens();
    }

    /** The tokens of the three languages the engine reads, from the engine's resources (read once). */
    public static LineageTokens standard() {
        return Standard.INSTANCE;
    }

    /** The text as compared: NFKC, folded, lower case. */
    String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        for (ScriptFolding folding : foldings) {
            folded = folding.fold(folded);
        }
        return folded.toLowerCase(Locale.ROOT);
    }

    /** The index tokens of {@code text}, in order, repeated as often as they occur. */
    public List<String> tokens(String text) {
        String normal = normalise(text);
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < normal.length()) {
            char c = normal.charAt(i);
            if (Characters.isHan(c)) {
                int end = i;
                while (end < normal.length() && Characters.isHan(normal.charAt(end))) {
                    end++;
                }
                hanTokens(normal.substring(i, end), tokens);
                i = end;
            } else if (Character.isLetterOrDigit(c)) {
                int end = i;
                while (end < normal.length() && Character.isLetterOrDigit(normal.charAt(end))
                        && !Characters.isHan(normal.charAt(end))) {
                    end++;
                }
                wordToken(normal.substring(i, end), tokens);
                i = end;
            } else {
                i++;
            }
        }
        List<String> words = words(normal);
        concepts.forEach(c -> c.addConcepts(words, normal, tokens));
        return tokens;
    }

    /** Whether the text reports a result (a completion cue of its language), rather than pledging or continuing. */
    public boolean reportsCompletion(String text, String language) {
        String normal = normalise(text);
        List<String> words = words(normal);
        return languageFor(normal, words, language).reportsCompletion(words, normal);
    }

    /** The cues of the language given, or of the text's script where none is. */
    private LineageLanguage languageFor(String normal, List<String> words, String language) {
        String code = language == null ? "" : language.toLowerCase(Locale.ROOT);
        if (code.startsWith("zh") || (code.isEmpty() && normal.chars().anyMatch(ch -> Characters.isHan((char) ch)))) {
            return chinese;
        }
        if (code.startsWith("ru")) {
            return russian;
        }
        return code.startsWith("en") ? english : languageOf(words);
    }

    /** Whether the text carries an undertaking on ("continue", "further"), by the continuation cues of its language. */
    public boolean carriesOn(String text, String language) {
        String normal = normalise(text);
        List<String> words = words(normal);
        return languageFor(normal, words, language).carriesOn(words, normal);
    }

    /** Whether the text says that delivery is still going on ("continue", "progress"), by the cues of its language. */
    public boolean reportsOngoing(String text, String language) {
        String normal = normalise(text);
        List<String> words = words(normal);
        return languageFor(normal, words, language).reportsOngoing(words, normal);
    }

    /** The numbers a text states (years, amounts, counts), as written without separators. */
    static List<String> numbers(String normalised) {
        List<String> numbers = new ArrayList<>();
        int i = 0;
        while (i < normalised.length()) {
            if (Character.isDigit(normalised.charAt(i))) {
                int end = i;
                while (end < normalised.length() && Character.isDigit(normalised.charAt(end))) {
                    end++;
                }
                numbers.add(normalised.substring(i, end));
                i = end;
            } else {
                i++;
            }
        }
        return numbers;
    }

    /**
     * the bigrams of a run of Han characters, without those of the states it names (in full, "中俄",
     * "俄方"): a series of communiqués names its parties in any of its pledges, so their names tell nothing of which
     * undertaking a pledge is.
     */
    private void hanTokens(String run, List<String> tokens) {
        int start = 0;
        int i = 0;
        while (i < run.length()) {
            int name = stateNameAt(run, i);
            if (name > 0) {
                if (i > start) {
                    hanBigrams(run.substring(start, i), tokens);
                }
                i += name;
                start = i;
            } else {
                i++;
            }
        }
        if (start < run.length()) {
            hanBigrams(run.substring(start), tokens);
        }
    }

    /** The length of a state's name at {@code at}: in full, a compound of short forms, or a short form's side ("俄方"); 0 if none. */
    private int stateNameAt(String run, int at) {
        String[] full = countries.subjectAt(run, at);
        if (full != null) {
            return Integer.parseInt(full[1]);
        }
        int compound = countries.compoundAt(run, at, List.of()).size();
        if (compound >= 2) {
            return compound;
        }
        boolean side = at + 1 < run.length() && run.charAt(at + 1) == '方' && !countries.codesOfShortForm(run.charAt(at)).isEmpty();
        return side ? 2 : 0;
    }

    private void hanBigrams(String run, List<String> tokens) {
        if (run.length() == 1) {
            if (!chinese.stopCharacter(run.charAt(0))) {
                tokens.add(run);
            }
            return;
        }
        for (int k = 0; k + 1 < run.length(); k++) {
            String bigram = run.substring(k, k + 2);
            if (!chinese.stopCharacter(bigram.charAt(0)) && !chinese.stopCharacter(bigram.charAt(1))
                    && !chinese.stopWord(bigram)) {
                tokens.add(bigram);
            }
        }
    }

    private void wordToken(String word, List<String> tokens) {
        boolean letters = word.chars().anyMatch(Character::isLetter);
        if (!letters) {
            tokens.add(word);
            return;
        }
        LineageLanguage language = isCyrillic(word) ? russian : english;
        if (word.length() < 2 || language.stopWord(word)) {
            return;
        }
        tokens.add(language.stem(word));
    }

    private LineageLanguage languageOf(List<String> words) {
        long cyrillic = words.stream().filter(LineageTokens::isCyrillic).count();
        return cyrillic * 2 > words.size() ? russian : english;
    }

    private static List<String> words(String normal) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < normal.length()) {
            if (Character.isLetterOrDigit(normal.charAt(i))) {
                int end = i;
                while (end < normal.length() && Character.isLetterOrDigit(normal.charAt(end))) {
                    end++;
                }
                words.add(normal.substring(i, end));
                i = end;
            } else {
                i++;
            }
        }
        return words;
    }

    private static boolean isCyrillic(String word) {
        return Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
    }
}
